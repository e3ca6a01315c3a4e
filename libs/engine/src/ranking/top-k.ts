import type { PreparedOffer } from '../scoring/prepared';

export interface Ranked {
  /** Rounded to 3 decimals: ranking and ties are on the score the user sees. */
  readonly score: number;
  readonly key: string;
  readonly offers: readonly PreparedOffer[];
}

/**
 * The provider offer of a ranked combination: its single offer, or a bundle's first offer.
 * Within one request's top-K each provider offer appears at most once (the diversity rule).
 */
export const leadOfferId = (entry: Pick<Ranked, 'offers'>): string => entry.offers[0].offer.id;

/** The one ranking order: score descending, then combination key ascending (code units). */
export function compareRanked(a: Pick<Ranked, 'score' | 'key'>, b: Pick<Ranked, 'score' | 'key'>): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

// Slack for pruning with upper bounds: a raw score rounds up to the K-th rounded score from
// half a thousandth below it, and bounds summed in a different order than the exact score may
// differ from it by a few ulps, so a candidate is dropped only when its bound is clearly lower.
const ROUNDING_SLACK = 0.0005 + 1e-9;

/** Whether a candidate whose raw score is at most `bound` could tie or beat `kthScore`. */
export function reaches(bound: number, kthScore: number): boolean {
  return bound >= kthScore - ROUNDING_SLACK;
}

/**
 * The best K entries seen so far with distinct provider offers (leadOfferId), kept sorted (K is
 * small, so insertion is cheapest). A variant of a provider offer already in replaces it only
 * when it ranks better, and a worse one is dropped: the items are the top K of every provider
 * offer's best variant so far. Bounds can prune against the K-th as before, because (1) an
 * entry enters only if it ranks above the K-th (the variant it replaces ranks at or above the
 * K-th), and (2) the K-th only improves (a replacement never makes any item worse). So a
 * candidate a bound rules out ranks below K better variants of other provider offers, or below
 * a better variant of its own, and can never be in the result.
 */
export class TopK {
  readonly items: Ranked[] = [];
  private readonly byLead = new Map<string, Ranked>();

  constructor(readonly k: number) {}

  get full(): boolean {
    return this.items.length >= this.k;
  }

  /**
   * What a candidate must outrank to enter: the entry of its provider offer `lead` when that is
   * in (it ranks at or above the K-th, so it is the higher bar), else the K-th when full.
   */
  private bar(lead?: string): Ranked | undefined {
    const own = lead === undefined ? undefined : this.byLead.get(lead);
    return own ?? (this.full ? this.items[this.k - 1] : undefined);
  }

  /** Whether candidates of provider offer `lead` (any, when absent) meet a bar yet. */
  hasBar(lead?: string): boolean {
    return this.bar(lead) !== undefined;
  }

  /** False only when no candidate (of `lead`) whose raw score is at most `bound` can enter any more. */
  reachable(bound: number, lead?: string): boolean {
    const bar = this.bar(lead);
    return bar === undefined ? this.k > 0 : reaches(bound, bar.score);
  }

  /**
   * Like reachable, for candidates whose keys all start with `keyPrefix`: one that can at best
   * tie the bar's score enters only with a smaller key, which no key with a larger prefix has.
   * Many bundles of one provider tie exactly when their facilitators add nothing.
   */
  reachableFor(bound: number, keyPrefix: string, lead?: string): boolean {
    const bar = this.bar(lead);
    if (bar === undefined) return this.k > 0;
    if (!reaches(bound, bar.score)) return false;
    if (this.canExceed(bound, lead)) return true;
    return keyPrefix <= bar.key.slice(0, keyPrefix.length);
  }

  /** Whether a raw score of at most `bound` could round above the bar's score (not only tie). */
  canExceed(bound: number, lead?: string): boolean {
    const bar = this.bar(lead);
    return bar === undefined || bound >= bar.score + ROUNDING_SLACK - 2e-9;
  }

  /** Key of the K-th entry; a candidate that can at best tie must have a smaller one. */
  get kthKey(): string {
    return this.barKey();
  }

  /** Key of the bar (see bar); a candidate that can at best tie it must have a smaller one. */
  barKey(lead?: string): string {
    return this.bar(lead)?.key ?? '\uffff';
  }

  /** Whether an entry (of `lead`) with this rounded score could enter without knowing its key yet. */
  mayEnter(score: number, lead?: string): boolean {
    const bar = this.bar(lead);
    return bar === undefined ? this.k > 0 : score >= bar.score;
  }

  /**
   * Adds an entry unless it ranks below the K-th or a variant of its provider offer that ranks
   * at least as well is already in (the same combination met twice is such a variant).
   */
  add(entry: Ranked): void {
    if (this.full && compareRanked(entry, this.items[this.k - 1]) >= 0) return;
    const lead = leadOfferId(entry);
    const own = this.byLead.get(lead);
    if (own !== undefined) {
      if (compareRanked(entry, own) >= 0) return;
      this.items.splice(this.items.indexOf(own), 1);
    }
    let i = this.items.length;
    this.items.push(entry);
    while (i > 0 && compareRanked(entry, this.items[i - 1]) < 0) {
      this.items[i] = this.items[i - 1];
      i--;
    }
    this.items[i] = entry;
    this.byLead.set(lead, entry);
    if (this.items.length > this.k) this.byLead.delete(leadOfferId(this.items.pop() as Ranked));
  }
}
