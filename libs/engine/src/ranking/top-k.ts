import type { PreparedOffer } from '../scoring/prepared';

export interface Ranked {
  /** Rounded to 3 decimals: ranking and ties are on the score the user sees. */
  readonly score: number;
  readonly key: string;
  readonly offers: readonly PreparedOffer[];
}

/**
 * The provider offer of a ranked combination: its single offer, or a bundle's first offer.
 * The diversity order (diverseTopK) puts one entry per provider offer first.
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
 * The diversity order, on a list already in ranking order: each provider offer's best-ranked
 * variant first (in ranking order), then the remaining combinations (a bundle of an offer
 * already shown, another of its bundles, in ranking order), until K. So distinct offers are
 * never crowded out by variants of one, and K still fills when fewer distinct offers fit.
 */
export function diverseTopK<T>(ranked: readonly T[], k: number, lead: (entry: T) => string): T[] {
  const first: T[] = [];
  const rest: T[] = [];
  const leads = new Set<string>();
  for (const entry of ranked) {
    const id = lead(entry);
    if (leads.has(id)) rest.push(entry);
    else {
      leads.add(id);
      first.push(entry);
    }
  }
  return first.length >= k ? first.slice(0, k) : [...first, ...rest.slice(0, k - first.length)];
}

/**
 * diverseTopK kept incrementally: `best` holds the best variant of each provider offer seen
 * (at most K, in ranking order), `rest` the best K of the other variants. Once `best` is full
 * the result is `best` alone; before, it is `best` then the first of `rest`.
 *
 * Bounds prune against a bar: what a candidate of provider offer `lead` must outrank to change
 * the result. Full: its offer's entry when that is in `best`, else the K-th of `best` (as a
 * plain top-K with one entry per offer). Not full: a candidate of a new provider offer always
 * enters; one of an offer in `best` enters by beating that entry (replacing it, which moves the
 * old one to `rest`) or by beating the last of `rest` that the result shows, so the bar is the
 * lower of the two, and there is none while `rest` is short. Every bar only rises as entries
 * are added, so a candidate ruled out stays ruled out.
 */
export class TopK {
  private readonly best: Ranked[] = [];
  private readonly byLead = new Map<string, Ranked>();
  private readonly rest: Ranked[] = [];

  constructor(readonly k: number) {}

  get full(): boolean {
    return this.best.length >= this.k;
  }

  /** The result so far, in the diversity order. */
  get items(): Ranked[] {
    return this.full ? this.best.slice() : [...this.best, ...this.rest.slice(0, this.k - this.best.length)];
  }

  private bar(lead?: string): Ranked | undefined {
    if (this.full) return (lead === undefined ? undefined : this.byLead.get(lead)) ?? this.best[this.k - 1];
    const own = lead === undefined ? undefined : this.byLead.get(lead);
    if (own === undefined) return undefined;
    const shown = this.k - this.best.length;
    const last = this.rest.length >= shown ? this.rest[shown - 1] : undefined;
    return last === undefined ? undefined : compareRanked(own, last) > 0 ? own : last;
  }

  /**
   * What a raw score must reach to enter for any provider offer: reachable(bound) is exactly
   * bound >= floor (-Infinity while there is no bar). A hot loop reads it once per change.
   */
  get floor(): number {
    const bar = this.bar();
    return bar === undefined ? (this.k > 0 ? -Infinity : Infinity) : bar.score - ROUNDING_SLACK;
  }

  /** floor for candidates of provider offer `lead`: reachable(bound, lead) is exactly bound >= floorFor(lead). */
  floorFor(lead: string): number {
    const bar = this.bar(lead);
    return bar === undefined ? (this.k > 0 ? -Infinity : Infinity) : bar.score - ROUNDING_SLACK;
  }

  /** canExceed(bound, lead) is exactly bound >= exceedFloor(lead): the pair loops read it once per change. */
  exceedFloor(lead?: string): number {
    const bar = this.bar(lead);
    return bar === undefined ? -Infinity : bar.score + ROUNDING_SLACK - 2e-9;
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

  /** Offers an entry; a combination met twice is kept once. */
  add(entry: Ranked): void {
    const lead = leadOfferId(entry);
    const own = this.byLead.get(lead);
    if (own !== undefined) {
      if (own.key === entry.key) return;
      if (compareRanked(entry, own) >= 0) return this.addRest(entry);
      this.best.splice(this.best.indexOf(own), 1);
      this.insertBest(entry, lead);
      return this.addRest(own);
    }
    if (this.full && compareRanked(entry, this.best[this.k - 1]) >= 0) return;
    this.insertBest(entry, lead);
    if (this.best.length > this.k) this.byLead.delete(leadOfferId(this.best.pop() as Ranked));
  }

  private insertBest(entry: Ranked, lead: string): void {
    insertSorted(this.best, entry);
    this.byLead.set(lead, entry);
  }

  /** Keeps the best K other variants; they only show while `best` is short of K. */
  private addRest(entry: Ranked): void {
    if (this.full || this.rest.some((e) => e.key === entry.key)) return;
    insertSorted(this.rest, entry);
    if (this.rest.length > this.k) this.rest.pop();
  }
}

function insertSorted(list: Ranked[], entry: Ranked): void {
  let i = list.length;
  list.push(entry);
  while (i > 0 && compareRanked(entry, list[i - 1]) < 0) {
    list[i] = list[i - 1];
    i--;
  }
  list[i] = entry;
}
