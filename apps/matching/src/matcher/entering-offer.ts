import { bruteForceMatch, diverseTopK, type MatchingEngine, type MatchOffer, type MatchRequest, type RejectedInput, type Suggestion } from '@capmatch/engine';

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

/** The K-th score of a result whose top K holds K distinct provider offers (where it bars newcomers). */
export function kthOf(wanted: readonly Pick<Suggestion, 'score' | 'offerIds'>[], k: number): number | undefined {
  if (wanted.length < k || new Set(wanted.map((s) => s.offerIds[0])).size < k) return undefined;
  return Math.min(...wanted.map((s) => s.score));
}

/**
 * The new top K of a request that some offers can only enter, without re-ranking every offer:
 * the live proposals are the top K of everything else, so the new top K is the engine's
 * diversity order (diverseTopK) over them plus the offers' own combinations: every provider
 * offer of the others whose best variant could still show is among the live ones, and a
 * combination that did not show still does not once more enter.
 *
 * A north or multilateral provider offer's sole combination is itself. A southern provider
 * offer or a facilitator pairs with many offers: where the live top K holds K distinct provider
 * offers, only its combinations that reach the K-th score can show, and the engine lists those
 * (`combinationsWith`, with the offers in the index); where it does not, null (rank in full).
 * Null too when a live proposal holds one of the offers.
 */
export function rankWithEntering(
  request: MatchRequest,
  live: readonly LiveProposal[],
  entering: MatchOffer | readonly MatchOffer[],
  rejected: RejectedInput,
  topK: number,
  engine?: MatchingEngine,
): Suggestion[] | null {
  const offers: readonly MatchOffer[] = Array.isArray(entering) ? entering : [entering as MatchOffer];
  const ids = new Set(offers.map((o) => o.id));
  if (live.some((p) => p.offer_ids.some((id) => ids.has(id)))) return null;
  const kept: Suggestion[] = live.map((p) => ({
    requestId: request.id,
    offerIds: p.offer_ids,
    cooperationType: p.cooperation_type,
    score: Number(p.score),
    explanation: p.explanation as Suggestion['explanation'],
    key: p.combination_key,
  }));
  const alone = offers.filter((o) => o.role === 'provider' && o.origin !== 'south');
  const paired = offers.filter((o) => !alone.includes(o));
  const kth = kthOf(kept, topK);
  if (paired.length > 0 && (engine === undefined || kth === undefined)) return null;
  const own = new Map<string, Suggestion>();
  for (const s of alone.length > 0 ? bruteForceMatch(request, alone, rejected, { topK }) : []) own.set(s.key, s);
  for (const o of paired) for (const s of (engine as MatchingEngine).combinationsWith(request, o, kth as number, rejected)) own.set(s.key, s);
  return diverseTopK([...kept, ...own.values()].sort(byRank), topK, (s) => s.offerIds[0]);
}
