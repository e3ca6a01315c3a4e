import type { PreparedOffer } from '../scoring/prepared';

// Which facilitator offers a request may use depends, besides its window, only on its country,
// its eligibility tokens and its set of delivery languages, and many requests share those: a
// rebuild of 10,000 requests looks up a few thousand distinct sets. So the index keeps what it
// met per set (in offer-id order, each with the token it was first met under) and each request
// only cuts it to its window. Any change to a facilitator offer clears it all: facilitators
// change rarely, and a cleared entry costs one lookup to refill.

/** Facilitator offers met for one set, in offer-id order; `tokenAt[i]` indexes the request's tokens. */
export interface MetFacilitators {
  readonly offers: readonly PreparedOffer[];
  readonly tokenAt: Int32Array;
  /** Each offer's window in day numbers, side by side so cutting to a request's window reads no offer. */
  readonly start: Float64Array;
  readonly end: Float64Array;
  /** Each offer's budget (NaN for none), modality and target-group masks. */
  readonly budget: Float64Array;
  readonly modalities: Int32Array;
  readonly targetGroups: Int32Array;
}

/** Entries kept before the cache starts over, so requests with ever new sets cannot grow it without bound. */
const MAX_ENTRIES = 20_000;

export class FacilitatorCache {
  private entries = new Map<string, MetFacilitators>();

  get size(): number {
    return this.entries.size;
  }

  /** The key of a country, its tokens (in order) and its languages (in any order). */
  static keyOf(country: number, tokens: Int32Array, languages: Int32Array): string {
    const sorted = Array.from(languages).sort((a, b) => a - b);
    return `${country}|${tokens.join(',')}|${sorted.join(',')}`;
  }

  get(key: string): MetFacilitators | undefined {
    return this.entries.get(key);
  }

  set(key: string, met: MetFacilitators): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, met);
  }

  clear(): void {
    this.entries.clear();
  }
}
