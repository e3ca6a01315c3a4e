import type { PreparedOffer } from '../scoring/prepared';

// The fields the candidate scan reads, one typed array per field, indexed by slot. Scanning
// thousands of offers per request this way touches a few contiguous arrays instead of
// chasing one object per offer, which is what keeps a full rebuild within its time budget.
// Slots are never reused while an index lives (a stale bucket entry must never point at a
// different offer); OfferIndex rebuilds itself when dead slots pile up.

export const ORIGIN_NORTH = 0;
export const ORIGIN_SOUTH = 1;
export const ORIGIN_MULTILATERAL = 2;
const ORIGIN_CODE = { north: ORIGIN_NORTH, south: ORIGIN_SOUTH, multilateral: ORIGIN_MULTILATERAL } as const;

export const RARE_LANGUAGE_BIT = 1 << 31;

/** Languages as a bitmask: exact for the 31 first-interned (the common) ones, one bit for the rest. */
export function languageMask(ids: Int32Array): number {
  let mask = 0;
  for (const id of ids) mask |= id < 31 ? 1 << id : RARE_LANGUAGE_BIT;
  return mask;
}

export class OfferColumns {
  size = 0;
  areas = new Int32Array(0);
  modalities = new Int32Array(0);
  sdgs = new Int32Array(0);
  targetGroups = new Int32Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  country = new Int32Array(0);
  /** Bit i set for language id i < 31; bit 31 for any rarer language (see languageMask). */
  languages = new Int32Array(0);
  /** Offered budget, NaN when none. */
  budget = new Float64Array(0);
  origin = new Uint8Array(0);
  live = new Uint8Array(0);
  /** Last scan that visited the slot: an offer sits in several buckets but is scored once. */
  seen = new Int32Array(0);
  /** Facilitator offers: place of the offer's id in code-unit order among the facilitators (offer-index.ts). */
  rank = new Int32Array(0);
  readonly prepared: PreparedOffer[] = [];

  add(o: PreparedOffer): number {
    if (this.size === this.areas.length) this.grow(Math.max(1024, this.size * 2));
    const slot = this.size++;
    this.areas[slot] = o.areas;
    this.modalities[slot] = o.modalities;
    this.sdgs[slot] = o.sdgs;
    this.targetGroups[slot] = o.targetGroups;
    this.start[slot] = o.start;
    this.end[slot] = o.end;
    this.country[slot] = o.country;
    this.languages[slot] = languageMask(o.languages);
    this.budget[slot] = o.budget;
    this.origin[slot] = ORIGIN_CODE[o.offer.origin];
    this.live[slot] = 1;
    this.seen[slot] = 0;
    this.rank[slot] = 0;
    this.prepared[slot] = o;
    return slot;
  }

  private grow(capacity: number): void {
    const copy = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: new (n: number) => T): T => {
      const b = new make(capacity);
      b.set(a);
      return b;
    };
    this.areas = copy(this.areas, Int32Array);
    this.modalities = copy(this.modalities, Int32Array);
    this.sdgs = copy(this.sdgs, Int32Array);
    this.targetGroups = copy(this.targetGroups, Int32Array);
    this.start = copy(this.start, Int32Array);
    this.end = copy(this.end, Int32Array);
    this.country = copy(this.country, Int32Array);
    this.languages = copy(this.languages, Int32Array);
    this.budget = copy(this.budget, Float64Array);
    this.origin = copy(this.origin, Uint8Array);
    this.live = copy(this.live, Uint8Array);
    this.seen = copy(this.seen, Int32Array);
    this.rank = copy(this.rank, Int32Array);
  }
}
