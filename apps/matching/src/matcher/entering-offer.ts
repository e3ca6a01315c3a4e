import { bruteForceMatch, type MatchOffer, type MatchRequest, type Suggestion } from '@capmatch/engine';

/** A live proposal as the reconciler reads it. */
export interface LiveProposal {
  readonly combination_key: string;
  readonly offer_ids: string[];
  readonly cooperation_type: Suggestion['cooperationType'];
  readonly score: number;
  readonly explanation: unknown;
}

/** The engine's one ranking order: score descending, then combination key ascending. */
function byRank(a: Suggestion, b: Suggestion): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The new top K of a request that an offer can only enter, without re-ranking every offer:
 * the live proposals are the top K of everything else, so the new top K is the best K of them
 * plus the offer's own combinations. Only for a provider offer of origin north or multilateral,
 * whose sole combination is itself (triangular bundles need a southern provider and pair with
 * many offers, so those go through the full ranking). Null when it does not apply.
 */
export function rankWithEntering(
  request: MatchRequest,
  live: readonly LiveProposal[],
  offer: MatchOffer,
  rejected: ReadonlySet<string>,
  topK: number,
): Suggestion[] | null {
  if (offer.role !== 'provider' || offer.origin === 'south') return null;
  if (live.some((p) => p.offer_ids.includes(offer.id))) return null;
  const own = bruteForceMatch(request, [offer], rejected, { topK });
  const kept: Suggestion[] = live.map((p) => ({
    requestId: request.id,
    offerIds: p.offer_ids,
    cooperationType: p.cooperation_type,
    score: Number(p.score),
    explanation: p.explanation as Suggestion['explanation'],
    key: p.combination_key,
  }));
  return [...kept, ...own].sort(byRank).slice(0, topK);
}
