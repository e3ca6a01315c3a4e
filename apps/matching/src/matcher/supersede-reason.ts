import { explainExclusion, type MatchOffer, type MatchRequest } from '@capmatch/engine';

/**
 * Why a proposal stopped holding, in words for the audit trail: the hard rules it now fails,
 * or, when it still passes them all, that better combinations pushed it out of the top K.
 */
export function supersedeReason(
  request: MatchRequest | undefined,
  offerIds: readonly string[],
  offerOf: (id: string) => MatchOffer | undefined,
  rejected: ReadonlySet<string>,
  topK: number,
): string {
  if (!request) return 'the request is no longer known to matching';
  const offers = offerIds.map(offerOf);
  const missing = offerIds.filter((_, i) => offers[i] === undefined);
  if (missing.length > 0) return `offer ${missing.join(', ')} is no longer known to matching`;
  const violations = explainExclusion(request, offers as MatchOffer[], rejected);
  if (violations.length > 0) return violations.map((v) => `rule ${v.rule} (${v.name}): ${v.reason}`).join('; ');
  return `outranked: no longer among the best ${topK} suggestions for the request`;
}
