import type { RequesterClassification } from '../types';

/**
 * Equity lifts the requesters the resolution singles out (LDCs first, then landlocked and
 * small island developing states) so that large, well-connected countries with many good
 * matches do not take every scarce slot.
 */
export function equityOf(c: Pick<RequesterClassification, 'ldc' | 'lldc' | 'sids'>): number {
  if (c.ldc) return 1;
  if (c.lldc || c.sids) return 0.75;
  return 0.25;
}
