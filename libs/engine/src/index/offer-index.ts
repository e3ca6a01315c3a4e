import { FacilitatorCache, type MetFacilitators } from './facilitator-cache';
import { OfferColumns } from './offer-columns';
import { prepareOffer, type PreparedOffer, type PreparedRequest } from '../scoring/prepared';
import type { MatchOffer } from '../types';
import { LANGUAGE_LIMIT, TOKEN_LIMIT } from '../scoring/vocabulary';

// Inverted index over the offers that can appear in a suggestion at all. Provider offers sit
// in one bucket per (capacity area, delivery language, eligibility token); facilitator offers
// in one per (language, token), since rule 6 asks a shared area of the providing offer only.
// Looking up the request's areas × languages × tokens therefore yields exactly the offers that
// pass rules 3, 5 and 6, and only open offers with a slot are indexed (rule 1).

/** Slots of one bucket; removals only mark the slot dead, and a bucket compacts when half dead. */
interface Bucket {
  slots: number[];
  dead: number;
}

interface Entry {
  readonly slot: number;
  readonly buckets: Bucket[];
}

// Keys stay below 2^30 (5 bits of area, 13 of language, 12 of token) so V8 keeps them as
// small integers, which hash much faster than the doubles a wider packing would need.
const providerKey = (area: number, language: number, token: number): number => (area * LANGUAGE_LIMIT + language) * TOKEN_LIMIT + token;
const facilitatorKey = (language: number, token: number): number => language * TOKEN_LIMIT + token;
const MIN_DEAD_BEFORE_REBUILD = 4096;

/** Whether an offer can be part of any suggestion, whatever the request (rules 1 and 9). */
export function indexable(offer: MatchOffer): boolean {
  if (offer.status !== 'open' || !(offer.remainingSlots > 0)) return false;
  return offer.role === 'provider' || offer.origin !== 'south';
}

/**
 * Facilitator offers found for one request, in offer-id order, with each one's focus and, side
 * by side (index i is offers[i]), what bundles read of it: window, budget (NaN for none),
 * modality and target-group masks. A request may meet thousands.
 */
export interface FoundFacilitators {
  readonly offers: PreparedOffer[];
  readonly focus: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly budget: Float64Array;
  readonly modalities: Int32Array;
  readonly targetGroups: Int32Array;
}

export class OfferIndex {
  columns = new OfferColumns();
  private entries = new Map<string, Entry>();
  private providerMap = new Map<number, Bucket>();
  private facilitatorMap = new Map<number, Bucket>();
  private deadSlots = 0;
  /** Rank of each facilitator offer id (rankedColumn); null once a new id needs ranking. */
  private facilitatorRanks: Map<string, number> | null = new Map();
  /** The slot that holds each rank's offer now. */
  private rankSlot: number[] = [];
  private stamp = 0;
  /** What requests' facilitator look-ups met (facilitators); cleared when a facilitator offer changes. */
  private readonly metCache = new FacilitatorCache();

  get size(): number {
    return this.entries.size;
  }

  get(offerId: string): PreparedOffer | undefined {
    const entry = this.entries.get(offerId);
    return entry && this.columns.prepared[entry.slot];
  }

  /** Adds, replaces or (when it can no longer be suggested) drops an offer. */
  upsert(offer: MatchOffer): boolean {
    this.remove(offer.id);
    if (!indexable(offer)) return false;
    this.insert(prepareOffer(offer));
    return true;
  }

  remove(offerId: string): boolean {
    const entry = this.entries.get(offerId);
    if (!entry) return false;
    if (this.columns.prepared[entry.slot].offer.role === 'facilitator') this.metCache.clear();
    this.columns.live[entry.slot] = 0;
    for (const bucket of entry.buckets) {
      if (++bucket.dead * 2 > bucket.slots.length) {
        bucket.slots = bucket.slots.filter((s) => this.columns.live[s] === 1);
        bucket.dead = 0;
      }
    }
    this.entries.delete(offerId);
    if (++this.deadSlots > Math.max(MIN_DEAD_BEFORE_REBUILD, this.entries.size)) this.rebuild();
    return true;
  }

  /** A fresh stamp for one scan; slots whose `seen` equals it were already visited. */
  nextStamp(): number {
    // Stamps live in an Int32Array: start over well before they would overflow.
    if (this.stamp >= 0x3fffffff) {
      this.columns.seen.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }

  /** Slots of the provider bucket (capacity area bit, language id, eligibility token), if any. */
  providerSlots(area: number, language: number, token: number): readonly number[] | undefined {
    return this.providerMap.get(providerKey(area, language, token))?.slots;
  }

  /**
   * Each live facilitator offer passing rules 1–5 for the request, once, in offer-id order
   * (code units, as combination keys compare), with its focus (scoring/prepared.ts: focusOf).
   * What is met for the request's country, tokens and languages is cached (facilitator-cache.ts)
   * and cut to the request's window here.
   */
  facilitators(r: PreparedRequest): FoundFacilitators {
    const key = FacilitatorCache.keyOf(r.country, r.tokens, r.languages);
    let met = this.metCache.get(key);
    if (met === undefined) this.metCache.set(key, (met = this.meetFacilitators(r)));
    const { start, end, tokenAt } = met;
    let n = 0;
    for (let i = 0; i < start.length; i++) if (!(start[i] > r.end || r.start > end[i])) n++;
    const found: FoundFacilitators = {
      offers: new Array<PreparedOffer>(n),
      focus: new Float64Array(n),
      start: new Float64Array(n),
      end: new Float64Array(n),
      budget: new Float64Array(n),
      modalities: new Int32Array(n),
      targetGroups: new Int32Array(n),
    };
    for (let i = 0, j = 0; i < start.length; i++) {
      if (start[i] > r.end || r.start > end[i]) continue;
      found.offers[j] = met.offers[i];
      found.focus[j] = r.tokenGrades[tokenAt[i]];
      found.start[j] = start[i];
      found.end[j] = end[i];
      found.budget[j] = met.budget[i];
      found.modalities[j] = met.modalities[i];
      found.targetGroups[j] = met.targetGroups[i];
      j++;
    }
    return found;
  }

  /**
   * The live facilitator offers the request's tokens and languages meet, from another country,
   * in offer-id order. Tokens go outermost, most specific first, so the token an offer is first
   * met under is the most specific one it shares with the request: its focus is that token's grade.
   */
  private meetFacilitators(r: PreparedRequest): MetFacilitators {
    const { live, seen, country, prepared } = this.columns;
    const stamp = this.nextStamp();
    const slots: number[] = [];
    const tokenAt: number[] = [];
    for (let t = 0; t < r.tokens.length; t++) {
      for (const lang of r.languages) {
        for (const s of this.facilitatorMap.get(facilitatorKey(lang, r.tokens[t]))?.slots ?? []) {
          if (seen[s] === stamp) continue;
          seen[s] = stamp;
          if (live[s] === 1 && country[s] !== r.country) {
            slots.push(s);
            tokenAt.push(t);
          }
        }
      }
    }
    // Sorted as numbers, rank × tokens + token, in one typed-array sort (no comparator).
    const rank = this.rankedColumn();
    const n = r.tokens.length;
    const keys = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) keys[i] = rank[slots[i]] * n + tokenAt[i];
    keys.sort();
    const at = new Int32Array(keys.length);
    const offers = new Array<PreparedOffer>(keys.length);
    const start = new Float64Array(keys.length);
    const end = new Float64Array(keys.length);
    const budget = new Float64Array(keys.length);
    const modalities = new Int32Array(keys.length);
    const targetGroups = new Int32Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const t = keys[i] % n;
      at[i] = t;
      const o = (offers[i] = prepared[this.rankSlot[(keys[i] - t) / n]]);
      start[i] = o.start;
      end[i] = o.end;
      budget[i] = o.budget;
      modalities[i] = o.modalities;
      targetGroups[i] = o.targetGroups;
    }
    return { offers, tokenAt: at, start, end, budget, modalities, targetGroups };
  }

  /**
   * The rank column, recomputed only after a facilitator with a new id came in: updating a
   * known offer keeps its rank, and a removal leaves the others in order.
   */
  private rankedColumn(): Int32Array {
    if (this.facilitatorRanks === null) {
      const slots = [...this.entries.values()].map((e) => e.slot).filter((s) => this.columns.prepared[s].offer.role === 'facilitator');
      const id = (s: number): string => this.columns.prepared[s].offer.id;
      slots.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
      this.facilitatorRanks = new Map(slots.map((s, i) => [id(s), i]));
      this.rankSlot = slots;
      slots.forEach((s, i) => (this.columns.rank[s] = i));
    }
    return this.columns.rank;
  }

  private insert(prepared: PreparedOffer): void {
    const slot = this.columns.add(prepared);
    const buckets: Bucket[] = [];
    const add = (map: Map<number, Bucket>, key: number): void => {
      let bucket = map.get(key);
      if (!bucket) map.set(key, (bucket = { slots: [], dead: 0 }));
      if (buckets.includes(bucket)) return;
      bucket.slots.push(slot);
      buckets.push(bucket);
    };
    const facilitator = prepared.offer.role === 'facilitator';
    if (facilitator) {
      this.metCache.clear();
      const rank = this.facilitatorRanks?.get(prepared.offer.id);
      if (rank === undefined) this.facilitatorRanks = null;
      else {
        this.columns.rank[slot] = rank;
        this.rankSlot[rank] = slot;
      }
    }
    for (const lang of prepared.languages) {
      for (const token of prepared.tokens) {
        if (facilitator) add(this.facilitatorMap, facilitatorKey(lang, token));
        else for (let a = 0; a < 31; a++) if (prepared.areas & (1 << a)) add(this.providerMap, providerKey(a, lang, token));
      }
    }
    this.entries.set(prepared.offer.id, { slot, buckets });
  }

  /** Starts over with only the live offers, so churn cannot grow the columns without bound. */
  private rebuild(): void {
    const live = [...this.entries.values()].map((e) => this.columns.prepared[e.slot]);
    this.columns = new OfferColumns();
    this.entries = new Map();
    this.providerMap = new Map();
    this.facilitatorMap = new Map();
    this.deadSlots = 0;
    this.metCache.clear();
    for (const p of live) this.insert(p);
  }
}
