import { bruteForceMatch, diverseTopK, type MatchOffer, type MatchRequest, type RejectedInput, type Suggestion } from '@capmatch/engine';

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
 * The new top K of a request that some offers can only enter, without re-ranking every offer:
 * the live proposals are the top K of everything else, so the new top K is the engine's diversity
 * order (diverseTopK) over them plus the offers' own combinations: every provider offer of the
 * others whose best variant could still show is among the live ones, and a combination that
 * did not show still does not once more enter. Only for provider offers of origin north or
 * multilateral, whose sole combination is themselves (triangular bundles need a southern
 * provider and pair with many offers, so those go through the full ranking). Null when it
 * does not apply.
 */
export function rankWithEntering(
  request: MatchRequest,
  live: readonly LiveProposal[],
  entering: MatchOffer | readonly MatchOffer[],
  rejected: RejectedInput,
  topK: number,
): Suggestion[] | null {
  const offers: readonly MatchOffer[] = Array.isArray(entering) ? entering : [entering as MatchOffer];
  if (offers.some((o) => o.role !== 'provider' || o.origin === 'south')) return null;
  const ids = new Set(offers.map((o) => o.id));
  if (live.some((p) => p.offer_ids.some((id) => ids.has(id)))) return null;
  const own = bruteForceMatch(request, offers, rejected, { topK });
  const kept: Suggestion[] = live.map((p) => ({
    requestId: request.id,
    offerIds: p.offer_ids,
    cooperationType: p.cooperation_type,
    score: Number(p.score),
    explanation: p.explanation as Suggestion['explanation'],
    key: p.combination_key,
  }));
  return diverseTopK([...kept, ...own].sort(byRank), topK, (s) => s.offerIds[0]);
}
