import type { TopK } from '../ranking/top-k';
import type { Rejections } from '../rules/rejections';
import { BUDGET, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';
import { budgetFit, modalityFit, targetGroupFit, windowFit } from '../scoring/fits';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { consider } from './consider';
import type { FacilitatorReach, SouthProviders } from './facilitator-reach';

/**
 * When singles leave the top-K short (say the request accepts triangular cooperation only),
 * no bound can prune yet; pairing the most promising providers first sets a K-th score to
 * prune the rest with. A provider offer fills at most one entry (the diversity rule), so this
 * goes provider by provider until the top-K is full, each with the few facilitators that bring
 * the most on their own (any real bundle sets a valid bar: pairing each with every facilitator
 * cost thousands of scores per request against 100,000 offers). The pairs are met again later
 * and not re-added.
 */
export function seed(r: PreparedRequest, w: Float64Array, top: TopK, rejected: Rejections, ps: SouthProviders, reach: FacilitatorReach): void {
  const picked = promising(r, w, reach, SEED_FACILITATORS);
  const byBound = Array.from({ length: ps.size }, (_, i) => i).sort((a, b) => ps.bound[b] - ps.bound[a]);
  for (const i of byBound) {
    if (top.full) return;
    for (const f of picked) consider(r, w, top, rejected, ps.o[i], f);
  }
}

const SEED_FACILITATORS = 4;

/** The `n` facilitators whose own modalities, target groups, budget, window and focus score highest. */
function promising(r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, n: number): PreparedOffer[] {
  const picked: PreparedOffer[] = [];
  const values: number[] = [];
  const found = reach.found;
  reach.facilitators.forEach((f, i) => {
    const value = w[MODALITY] * modalityFit(r, found.modalities[i]) + w[GROUP] * targetGroupFit(r, found.targetGroups[i]) +
      w[BUDGET] * budgetFit(r, found.budget[i]) + w[WINDOW] * windowFit(r, found.start[i], found.end[i]) + w[FOCUS] * reach.focus[i];
    let at = picked.length;
    while (at > 0 && values[at - 1] < value) at--;
    if (at >= n) return;
    picked.splice(at, 0, f);
    values.splice(at, 0, value);
    if (picked.length > n) {
      picked.pop();
      values.pop();
    }
  });
  return picked;
}
