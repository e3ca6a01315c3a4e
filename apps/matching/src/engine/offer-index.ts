import { prepareOffer, type PreparedOffer, type PreparedRequest } from './prepared';
import type { MatchOffer } from './types';

// Inverted index over the offers that can appear in a suggestion at all. Provider offers sit
// in one bucket per (capacity area, delivery language, eligibility token); facilitator offers
// in one per (language, token), since rule 6 asks a shared area of the providing offer only.
// Looking up the request's areas × languages × tokens therefore yields exactly the offers that
// pass rules 3, 5 and 6, and only open offers with a slot are indexed (rule 1).

type Bucket = Set<PreparedOffer>;

interface Entry {
  readonly prepared: PreparedOffer;
  readonly buckets: Bucket[];
}

const SPAN = 65_536; // languages and tokens are interned below this (vocabulary.ts)

/** Whether an offer can be part of any suggestion, whatever the request (rules 1 and 9). */
export function indexable(offer: MatchOffer): boolean {
  if (offer.status !== 'open' || !(offer.remainingSlots > 0)) return false;
  return offer.role === 'provider' || offer.origin !== 'south';
}

export class OfferIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly providerBuckets = new Map<number, Bucket>();
  private readonly facilitatorBuckets = new Map<number, Bucket>();
  private stamp = 0;

  get size(): number {
    return this.entries.size;
  }

  get(offerId: string): PreparedOffer | undefined {
    return this.entries.get(offerId)?.prepared;
  }

  /** Adds, replaces or (when it can no longer be suggested) drops an offer. */
  upsert(offer: MatchOffer): boolean {
    this.remove(offer.id);
    if (!indexable(offer)) return false;
    const prepared = prepareOffer(offer);
    const buckets: Bucket[] = [];
    const add = (map: Map<number, Bucket>, key: number): void => {
      let bucket = map.get(key);
      if (!bucket) map.set(key, (bucket = new Set()));
      if (!bucket.has(prepared)) buckets.push(bucket.add(prepared));
    };
    for (const lang of prepared.languages) {
      for (const token of prepared.tokens) {
        if (offer.role === 'facilitator') add(this.facilitatorBuckets, lang * SPAN + token);
        else for (let a = 0; a < 31; a++) if (prepared.areas & (1 << a)) add(this.providerBuckets, (a * SPAN + lang) * SPAN + token);
      }
    }
    this.entries.set(offer.id, { prepared, buckets });
    return true;
  }

  remove(offerId: string): boolean {
    const entry = this.entries.get(offerId);
    if (!entry) return false;
    for (const bucket of entry.buckets) bucket.delete(entry.prepared);
    this.entries.delete(offerId);
    return true;
  }

  /** Each indexed provider offer passing rules 1, 3, 5 and 6 for the request, once. */
  forEachProvider(r: PreparedRequest, visit: (o: PreparedOffer) => void): void {
    const stamp = ++this.stamp;
    for (let a = 0; a < 31; a++) {
      if (!(r.areas & (1 << a))) continue;
      for (const lang of r.languages) {
        for (const token of r.tokens) this.scan(this.providerBuckets.get((a * SPAN + lang) * SPAN + token), stamp, visit);
      }
    }
  }

  /** Each indexed facilitator offer passing rules 1, 3 and 5 for the request, once. */
  forEachFacilitator(r: PreparedRequest, visit: (o: PreparedOffer) => void): void {
    const stamp = ++this.stamp;
    for (const lang of r.languages) {
      for (const token of r.tokens) this.scan(this.facilitatorBuckets.get(lang * SPAN + token), stamp, visit);
    }
  }

  private scan(bucket: Bucket | undefined, stamp: number, visit: (o: PreparedOffer) => void): void {
    if (!bucket) return;
    for (const o of bucket) {
      if (o.seen === stamp) continue;
      o.seen = stamp;
      visit(o);
    }
  }

  /** Every indexed offer, in no particular order. */
  *offers(): IterableIterator<PreparedOffer> {
    for (const entry of this.entries.values()) yield entry.prepared;
  }
}
