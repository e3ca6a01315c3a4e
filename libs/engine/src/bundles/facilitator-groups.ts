import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import { windowFit } from '../scoring/fits';
import type { FacilitatorReach } from './facilitator-reach';
import { BUDGET, FOCUS, WINDOW } from '../scoring/factors';

// The facilitators one request may use, grouped by which of its requested modalities and
// target groups they bring: within a group every facilitator changes a bundle's modality and
// target-group fits the same way, so what is left to rank them by is budget, window and focus.


export interface FacilitatorPart {
  readonly o: PreparedOffer;
  /** Share of the asked budget offered, capped at 1; 0 when either side has none. */
  readonly share: number;
  /** Share of the request's window the facilitator runs. */
  readonly window: number;
  /** How specifically it has chosen the requester (scoring/prepared.ts: focusOf). */
  readonly focus: number;
  /** w_budget · share + w_window · window + w_focus · focus: the most it adds beyond its group. */
  readonly gain: number;
  /** w_window · window + w_focus · focus: the most it adds once the budget is covered. */
  readonly extra: number;
  /** The offer's window in day numbers, copied so the pair loop stays on this object. */
  readonly start: number;
  readonly end: number;
}

export class Group {
  /** Facilitators by offer id, ascending (the order the index finds them in); sorted views below are built on first use. */
  readonly parts: FacilitatorPart[] = [];
  private gainOrder: FacilitatorPart[] | null = null;
  maxShare = 0;
  maxWindow = 0;
  maxFocus = 0;
  private extraOrder: FacilitatorPart[] | null = null;
  private starts: number[] = [];
  private latestEnd: number[] = [];

  /** The requested modalities and target groups every facilitator of the group brings. */
  constructor(readonly modalities: number, readonly targetGroups: number) {}

  /** Facilitators by gain, highest first. */
  byGain(): FacilitatorPart[] {
    return (this.gainOrder ??= [...this.parts].sort((a, b) => b.gain - a.gain));
  }

  /** Facilitators by what they add once the budget is covered, highest first. */
  byExtra(): FacilitatorPart[] {
    return (this.extraOrder ??= [...this.parts].sort((a, b) => b.extra - a.extra));
  }

  /** Facilitators by offer id, ascending (code units, as keys compare). */
  byId(): readonly FacilitatorPart[] {
    return this.parts;
  }

  /**
   * At most how many days of [from, to] any facilitator of the group runs: those starting by
   * `from` run at most to the latest end among them; those starting later, at most from the
   * earliest such start to `to`.
   */
  mostDaysWithin(from: number, to: number): number {
    if (this.starts.length === 0) this.indexDays();
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= from) lo = mid + 1;
      else hi = mid;
    }
    let best = lo > 0 ? Math.min(to, this.latestEnd[lo - 1]) - from + 1 : 0;
    if (lo < this.starts.length) best = Math.max(best, to - this.starts[lo] + 1);
    return Math.max(0, best);
  }

  private indexDays(): void {
    const byStart = this.parts.map((f) => f.o).sort((a, b) => a.start - b.start);
    this.starts = byStart.map((o) => o.start);
    let latest = -Infinity;
    this.latestEnd = byStart.map((o) => (latest = Math.max(latest, o.end)));
  }
}

export class FacilitatorGroups {
  readonly groups: Group[];

  /** Keeps the facilitators `useful` accepts, grouped by the requested modalities they bring. */
  constructor(r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, useful: (f: FacilitatorPart) => boolean) {
    // Keyed by modality mask, then target-group mask (each up to 31 bits: no one number holds both).
    const byMask = new Map<number, Map<number, Group>>();
    for (let i = 0; i < reach.facilitators.length; i++) {
      const o = reach.facilitators[i];
      const share = Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : Math.min(1, o.budget / r.budget);
      const window = windowFit(r, o.start, o.end);
      const focus = reach.focus[i];
      const extra = w[WINDOW] * window + w[FOCUS] * focus;
      const part = { o, share, window, focus, gain: w[BUDGET] * share + extra, extra, start: o.start, end: o.end };
      if (!useful(part)) continue;
      const modalities = o.modalities & r.modalities;
      const groups = o.targetGroups & r.targetGroups;
      let byGroups = byMask.get(modalities);
      if (!byGroups) byMask.set(modalities, (byGroups = new Map()));
      let g = byGroups.get(groups);
      if (!g) byGroups.set(groups, (g = new Group(modalities, groups)));
      g.parts.push(part);
      g.maxShare = Math.max(g.maxShare, share);
      g.maxWindow = Math.max(g.maxWindow, window);
      g.maxFocus = Math.max(g.maxFocus, focus);
    }
    this.groups = [...byMask.values()].flatMap((m) => [...m.values()]);
  }
}
