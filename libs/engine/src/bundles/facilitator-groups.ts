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
   * The most days of [from, to] any facilitator of the group runs. A plain pass: a group holds a
   * few dozen facilitators and is asked this a few times per request, so an index by start
   * would cost more to build than it saves.
   */
  mostDaysWithin(from: number, to: number): number {
    let best = 0;
    for (const f of this.parts) {
      const days = Math.min(to, f.end) - Math.max(from, f.start) + 1;
      if (days > best) best = days;
    }
    return best;
  }
}

export type UsefulFacilitator = (targetGroups: number, share: number, window: number, focus: number) => boolean;

export class FacilitatorGroups {
  readonly groups: Group[] = [];

  /** Keeps the facilitators `useful` accepts, grouped by the requested modalities and target groups they bring. */
  constructor(r: PreparedRequest, w: Float64Array, reach: FacilitatorReach, useful: UsefulFacilitator) {
    // A request asks a handful of modalities and target groups, so there are few groups: a
    // linear search over them beats hashing the two masks.
    const groups = this.groups;
    for (let i = 0; i < reach.facilitators.length; i++) {
      const o = reach.facilitators[i];
      const share = Number.isNaN(r.budget) || Number.isNaN(o.budget) ? 0 : Math.min(1, o.budget / r.budget);
      const window = windowFit(r, o.start, o.end);
      const focus = reach.focus[i];
      if (!useful(o.targetGroups, share, window, focus)) continue;
      const extra = w[WINDOW] * window + w[FOCUS] * focus;
      const modalities = o.modalities & r.modalities;
      const targetGroups = o.targetGroups & r.targetGroups;
      let g: Group | undefined;
      for (let j = 0; j < groups.length; j++) {
        if (groups[j].modalities === modalities && groups[j].targetGroups === targetGroups) {
          g = groups[j];
          break;
        }
      }
      if (g === undefined) groups.push((g = new Group(modalities, targetGroups)));
      g.parts.push({ o, share, window, focus, gain: w[BUDGET] * share + extra, extra, start: o.start, end: o.end });
      if (share > g.maxShare) g.maxShare = share;
      if (window > g.maxWindow) g.maxWindow = window;
      if (focus > g.maxFocus) g.maxFocus = focus;
    }
  }
}
