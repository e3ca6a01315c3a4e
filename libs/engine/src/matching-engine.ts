import { indexable, OfferIndex } from './index/offer-index';
import { OfferEntry } from './index/offer-entry';
import { DEFAULT_TOP_K, type MatchOptions } from './options';
import { prepareOffer, prepareRequest, type PreparedOffer } from './scoring/prepared';
import { addSingles } from './index/singles';
import { toSuggestions } from './scoring/suggestion';
import { reaches, TopK } from './ranking/top-k';
import { bruteForceMatch } from './reference/brute-force';
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
  private readonly weightOptions: MatchOptions['weights'];
  private readonly entry: OfferEntry;

  constructor(options: MatchOptions = {}) {
    const k = options.topK ?? DEFAULT_TOP_K;
    if (!Number.isInteger(k) || k < 0) throw new RangeError(`topK must be a non-negative integer, got ${k}`);
    this.topK = k;
    this.weightOptions = validateWeights(options.weights ?? DEFAULT_WEIGHTS);
    this.weights = weightVector(this.weightOptions);
    this.entry = new OfferEntry(this.index, this.weights);
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
    this.entry.noted(offer, this.index.get(offer.id));
  }

  removeOffer(offerId: string): boolean {
    const before = this.index.get(offerId);
    const removed = this.index.remove(offerId);
    if (before) this.entry.noted(before.offer, undefined);
    return removed;
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
    const reach = found ? facilitatorReach(r, found) : null;
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
   * Ids of the open requests the offer (as it now is, and in the index) could enter the top-K
   * of. `kthScores` holds, for requests whose top-K holds K distinct provider offers, the score
   * of their K-th suggestion (a top-K that shows variants of one offer still takes any new
   * offer: the diversity order puts distinct offers first); each combination the offer can be
   * part of is scored against it (index/offer-entry.ts), so a request is named only when one
   * can reach it. The service re-matches these plus every request whose current suggestions
   * hold the offer (which covers an offer that was withdrawn or changed for the worse).
   */
  requestsAffectedBy(
    offer: MatchOffer,
    requests: Iterable<MatchRequest>,
    kthScores: ReadonlyMap<string, number> = new Map(),
  ): string[] {
    const out: string[] = [];
    if (!indexable(offer) || this.topK === 0) return out;
    const o = this.prepared(offer);
    for (const request of requests) {
      if (request.status === 'open' && this.entry.mayEnter(request, o, kthScores.get(request.id))) out.push(request.id);
    }
    return out;
  }

  /**
   * Every combination holding `offer` (in the index) whose score reaches `kthScore`, the K-th
   * score of the request's top K of K distinct provider offers, with rejections applied: with
   * the top K of everything else, the request's new top K is the diversity order over both
   * (the service's rankWithEntering).
   */
  combinationsWith(request: MatchRequest, offer: MatchOffer, kthScore: number, rejected: RejectedInput = NONE): Suggestion[] {
    if (request.status !== 'open' || !indexable(offer) || this.topK === 0) return [];
    const o = this.prepared(offer);
    if (!this.entry.mayEnter(request, o, undefined)) return [];
    const partners = this.entry.partnersOf(request, o, kthScore).map((p) => p.offer);
    const all = bruteForceMatch(request, [offer, ...partners], rejected, { topK: 2 * partners.length + 1, weights: this.weightOptions });
    return all.filter((s) => s.offerIds.includes(offer.id) && reaches(s.score, kthScore));
  }

  /** The index's compiled offer when it holds this very version. */
  private prepared(offer: MatchOffer): PreparedOffer {
    const held = this.index.get(offer.id);
    return held?.offer === offer ? held : prepareOffer(offer);
  }
}
