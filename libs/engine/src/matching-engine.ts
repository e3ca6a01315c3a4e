import { indexable, OfferIndex } from './index/offer-index';
import { couldEnter } from './index/offer-reach';
import { DEFAULT_TOP_K, type MatchOptions } from './options';
import { prepareOffer, prepareRequest } from './scoring/prepared';
import { addSingles } from './index/singles';
import { toSuggestions } from './scoring/suggestion';
import { TopK } from './ranking/top-k';
import { facilitatorReach } from './bundles/facilitator-reach';
import { addBundles } from './bundles/triangular';
import type { MatchOffer, MatchRequest, Suggestion } from './types';
import { rejectionsOf, type RejectedByRequest, type RejectedInput } from './rules/rejections';
import { DEFAULT_WEIGHTS, validateWeights, weightsFor, weightVector } from './scoring/weights';

const NONE: ReadonlySet<string> = new Set();
const NO_REJECTIONS: RejectedByRequest = new Map();

/**
 * The fast path. Holds the open offers in an index (kept up to date with upsertOffer and
 * removeOffer) and matches requests against it; requests are passed in, never stored, since
 * the service owns them. Same inputs give the same suggestions as bruteForceMatch.
 */
export class MatchingEngine {
  readonly topK: number;
  private readonly index = new OfferIndex();
  private readonly weights: Float64Array;

  constructor(options: MatchOptions = {}) {
    const k = options.topK ?? DEFAULT_TOP_K;
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`topK must be a non-negative integer, got ${k}`);
    this.topK = k;
    this.weights = weightVector(validateWeights(options.weights ?? DEFAULT_WEIGHTS));
  }

  /** Offers that can currently be suggested (open, with a slot, not a southern facilitator). */
  get offerCount(): number {
    return this.index.size;
  }

  hasOffer(offerId: string): boolean {
    return this.index.get(offerId) !== undefined;
  }

  /** Adds or replaces an offer; one that is no longer open or has no slot is dropped. */
  upsertOffer(offer: MatchOffer): void {
    this.index.upsert(offer);
  }

  removeOffer(offerId: string): boolean {
    return this.index.remove(offerId);
  }

  /**
   * Top-K suggestions for one request in the diversity order (ranking/top-k.ts): the best
   * variant of each provider offer by score desc, then key asc, then the other variants.
   * `rejected` holds the rejected combination keys, or Rejections with their reason codes.
   */
  matchRequest(request: MatchRequest, rejected: RejectedInput = NONE): Suggestion[] {
    if (request.status !== 'open' || this.topK === 0) return [];
    const r = prepareRequest(request);
    const w = weightsFor(this.weights, r);
    const rejections = rejectionsOf(rejected);
    const top = new TopK(this.topK);
    // No facilitator the request may use means no bundle: the scan then keeps no providers.
    const found = r.acceptsTriangular ? this.index.facilitators(r) : null;
    const reach = found ? facilitatorReach(r, found.offers, found.focus) : null;
    const bundles = reach?.facilitators.length ? reach : null;
    addSingles(this.index, r, w, top, rejections, bundles, (providers) => bundles && addBundles(r, providers, bundles, w, top, rejections));
    return toSuggestions(r, top.items, w);
  }

  /** Full rebuild: top-K for every request given (closed ones get none). */
  matchAll(requests: Iterable<MatchRequest>, rejected: RejectedByRequest = NO_REJECTIONS): Map<string, Suggestion[]> {
    const out = new Map<string, Suggestion[]>();
    for (const request of requests) out.set(request.id, this.matchRequest(request, rejected.get(request.id) ?? NONE));
    return out;
  }

  /**
   * Ids of the open requests the offer (as it now is) could enter the top-K of. `kthScores`
   * holds, for requests whose top-K holds K distinct provider offers, the score of their K-th
   * suggestion (a top-K that shows variants of one offer still takes any new offer: the
   * diversity order puts distinct offers first); requests the offer cannot reach are left out. The service re-matches these plus every request whose
   * current suggestions hold the offer (which covers an offer that was withdrawn or changed
   * for the worse).
   */
  requestsAffectedBy(
    offer: MatchOffer,
    requests: Iterable<MatchRequest>,
    kthScores: ReadonlyMap<string, number> = new Map(),
  ): string[] {
    const out: string[] = [];
    if (!indexable(offer)) return out;
    const o = prepareOffer(offer);
    for (const request of requests) {
      if (request.status !== 'open' || this.topK === 0) continue;
      const r = prepareRequest(request);
      if (couldEnter(r, o, weightsFor(this.weights, r), kthScores.get(request.id))) out.push(request.id);
    }
    return out;
  }
}
