import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { windowFit } from '../scoring/fits';
import type { FacilitatorReach } from './facilitator-reach';
import { BUDGET, FOCUS, WINDOW } from '../scoring/factors';

// The facilitators one request may use, grouped by which of its requested modalities and
// target groups they bring: within a group every facilitator changes a bundle's modality and
// target-group fits the same way, so what is left to rank them by is budget, window and focus.
// A request meets ~170 facilitators, so what each brings is kept in columns (typed arrays,
// indexed like reach.facilitators) rather than an object each: a rebuild met 1.6 million.

/** What each facilitator of one request brings, by its index in reach.facilitators. */
export class FacilitatorColumns {
  /** Share of the asked budget offered, capped at 1; 0 when either side has none. */
  readonly share: Float64Array;
  /** How specifically it has chosen the requester (scoring/prepared.ts: focusOf). */
  readonly focus: Float64Array;
  /** w_budget · share + w_window · window + w_focus · focus: the most it adds beyond its group. */
  readonly gain: Float64Array;
  /** w_window · window + w_focus · focus: the most it adds once the budget is covered. */
  readonly extra: Float64Array;
  /** The offer's window in day numbers. */
  readonly start: Float64Array;
  readonly end: Float64Array;

  constructor(readonly offers: readonly PreparedOffer[], n: number) {
    this.share = new Float64Array(n);
    this.focus = new Float64Array(n);
    this.gain = new Float64Array(n);
    this.extra = new Float64Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
  }

  /** Days of [from, to] facilitator i runs (0 when none). */
  daysWithin(i: number, from: number, to: number): number {
    return Math.max(0, Math.min(to, this.end[i]) - Math.max(from, this.start[i]) + 1);
  }
}

export class Group {
  /** Facilitator indices in offer-id order (code units, as keys compare): the order the index finds them in. */
  readonly members: number[] = [];
  maxShare = 0;
  maxWindow = 0;
  maxFocus = 0;
  private gainOrder: Int32Array | null = null;
  private extraOrder: Int32Array | null = null;

  /** The requested modalities and target groups every facilitator of the group brings. */
  constructor(readonly modalities: number, readonly targetGroups: number, private readonly columns: FacilitatorColumns) {}

  /** Facilitator indices by gain, highest first (ties in id order); sorted on first use. */
  byGain(): Int32Array {
    return (this.gainOrder ??= sortedBy(this.members, this.columns.gain));
  }

  /** Facilitator indices by what they add once the budget is covered, highest first. */
  byExtra(): Int32Array {
    return (this.extraOrder ??= sortedBy(this.members, this.columns.extra));
  }

  /**
   * The most days of [from, to] any facilitator of the group runs. A plain pass: a group holds a
   * few dozen facilitators and is asked this a few times per request, so an index by start
   * would cost more to build than it saves.
   */
  mostDaysWithin(from: number, to: number): number {
    const { start, end } = this.columns;
    let best = 0;
    for (let x = 0; x < this.members.length; x++) {
      const i = this.members[x];
      const days = Math.min(to, end[i]) - Math.max(from, start[i]) + 1;
      if (days > best) best = days;
    }
    return best;
  }
}

/** Members by value, highest first, ties in index order (the comparator answers small integers: a double would be boxed per call). */
function sortedBy(members: readonly number[], value: Float64Array): Int32Array {
  return Int32Array.from(members).sort((a, b) => (value[b] > value[a] ? 1 : value[b] < value[a] ? -1 : a - b));
}

/** Whether a facilitator with these target groups, budget share, window and focus could lift a bundle to the bar. */
export type UsefulFacilitator = (targetGroups: number, share: number, window: number, focus: number) => boolean;

export class FacilitatorGroups {
  readonly groups: Group[] = [];
  readonly columns: FacilitatorColumns;

  /** Keeps the facilitators `useful` accepts, grouped by the requested modalities and target groups they bring. */
  constructor(r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, useful: UsefulFacilitator) {
    const offers = reach.facilitators;
    const c = (this.columns = new FacilitatorColumns(offers, offers.length));
    // A request asks a handful of modalities and target groups, so there are few groups: a
    // linear search over them beats hashing the two masks.
    const groups = this.groups;
    const wWindow = w[WINDOW];
    const wFocus = w[FOCUS];
    const wBudget = w[BUDGET];
    const found = reach.found;
    for (let i = 0; i < offers.length; i++) {
      const budget = found.budget[i];
      const share = Number.isNaN(r.budget) || Number.isNaN(budget) ? 0 : Math.min(1, budget / r.budget);
      const window = windowFit(r, found.start[i], found.end[i]);
      const focus = found.focus[i];
      const fGroups = found.targetGroups[i];
      if (!useful(fGroups, share, window, focus)) continue;
      const extra = wWindow * window + wFocus * focus;
      c.share[i] = share;
      c.focus[i] = focus;
      c.extra[i] = extra;
      c.gain[i] = wBudget * share + extra;
      c.start[i] = found.start[i];
      c.end[i] = found.end[i];
      const modalities = found.modalities[i] & r.modalities;
      const targetGroups = fGroups & r.targetGroups;
      let g: Group | undefined;
      for (let j = 0; j < groups.length; j++) {
        if (groups[j].modalities === modalities && groups[j].targetGroups === targetGroups) {
          g = groups[j];
          break;
        }
      }
      if (g === undefined) groups.push((g = new Group(modalities, targetGroups, c)));
      g.members.push(i);
      if (share > g.maxShare) g.maxShare = share;
      if (window > g.maxWindow) g.maxWindow = window;
      if (focus > g.maxFocus) g.maxFocus = focus;
    }
  }
}
