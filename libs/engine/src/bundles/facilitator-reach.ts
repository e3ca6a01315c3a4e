import { BUDGET, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';
import { modalityFit, targetGroupFit, windowFit } from '../scoring/fits';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';
import type { FoundFacilitators } from '../index/offer-index';

/**
 * What the facilitators one request may use could add to a bundle at most: the modalities and
 * target groups any of them brings, the largest budget share and focus; and the facilitators
 * themselves with what bundles read of each, side by side (index/offer-index.ts:
 * FoundFacilitators, focus being scoring/prepared.ts: focusOf). The scan (index/singles.ts)
 * bounds a southern provider's bundles by it; when there is no facilitator there is no bundle.
 */
export interface FacilitatorReach {
  /** In offer-id order (code units), as the index finds them: bundles/facilitator-groups.ts relies on it. */
  readonly facilitators: readonly PreparedOffer[];
  /** The facilitators' columns (offer-index.ts: FoundFacilitators). */
  readonly found: FoundFacilitators;
  /** focusOf(r, facilitators[i]). */
  readonly focus: Float64Array;
  readonly modalities: number;
  readonly targetGroups: number;
  /** Largest budget share, capped at 1; 0 when none states a budget or the request asks none. */
  readonly share: number;
  readonly maxFocus: number;
}

export function facilitatorReach(r: PreparedRequest, found: FoundFacilitators): FacilitatorReach {
  let modalities = 0;
  let targetGroups = 0;
  let share = 0;
  let maxFocus = 0;
  const { budget, focus } = found;
  for (let i = 0; i < focus.length; i++) {
    modalities |= found.modalities[i];
    targetGroups |= found.targetGroups[i];
    if (!Number.isNaN(r.budget) && !Number.isNaN(budget[i])) share = Math.max(share, Math.min(1, budget[i] / r.budget));
    maxFocus = Math.max(maxFocus, focus[i]);
  }
  return { facilitators: found.offers, found, focus, modalities, targetGroups, share, maxFocus };
}

export const budgetBound = (pShare: number, fShare: number): number => Math.max(0.5, Math.min(1, pShare + fShare));

/**
 * Bound on any bundle a southern provider offer heads, from its core (areas, SDGs, languages,
 * equity), modalities, target groups, budget share, focus and window cut [from, to], and what
 * the facilitators could add. Numbers only: the scan passes them from the index's columns.
 */
export function bundleBound(
  r: PreparedRequest, w: Float64Array, modalities: number, targetGroups: number, core: number, share: number, focus: number, from: number, to: number,
  reach: FacilitatorReach,
): number {
  return core + w[MODALITY] * modalityFit(r, modalities | reach.modalities) + w[GROUP] * targetGroupFit(r, targetGroups | reach.targetGroups) +
    w[BUDGET] * budgetBound(share, reach.share) + w[WINDOW] * windowFit(r, from, to) + w[FOCUS] * Math.max(focus, reach.maxFocus);
}

/**
 * Southern provider offers that may head a triangular bundle, with what the scan learnt, in
 * columns by index (a request hands ~140 to pairing and only a few are ever paired, so they
 * are not worth an object each): `core` bounds the part only the provider decides (area, SDG,
 * language, equity; exact but for rare languages), `focus` is its own focus, `share` its
 * budget over the asked one (0 when either has none), [from, to] the request's window cut to
 * the offer's, `bound` a bound on any bundle it heads (bundleBound), which pairing tightens.
 * One set is reused request after request (one scan runs at a time).
 */
export class SouthProviders {
  readonly o: PreparedOffer[] = [];
  core: Float64Array<ArrayBuffer> = new Float64Array(256);
  focus = new Float64Array(256);
  share = new Float64Array(256);
  from = new Float64Array(256);
  to = new Float64Array(256);
  bound = new Float64Array(256);
  size = 0;

  clear(): void {
    this.size = 0;
  }

  push(o: PreparedOffer, core: number, focus: number, share: number, from: number, to: number, bound: number): void {
    if (this.size === this.core.length) this.grow();
    const i = this.size++;
    this.o[i] = o;
    this.core[i] = core;
    this.focus[i] = focus;
    this.share[i] = share;
    this.from[i] = from;
    this.to[i] = to;
    this.bound[i] = bound;
  }

  private grow(): void {
    const wider = (a: Float64Array): Float64Array<ArrayBuffer> => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.core = wider(this.core);
    this.focus = wider(this.focus);
    this.share = wider(this.share);
    this.from = wider(this.from);
    this.to = wider(this.to);
    this.bound = wider(this.bound);
  }
}

/** One of SouthProviders as an object, for the few a request pairs. */
export interface SouthProvider {
  readonly o: PreparedOffer;
  readonly core: number;
  readonly focus: number;
  readonly share: number;
  readonly from: number;
  readonly to: number;
  readonly bound: number;
}
