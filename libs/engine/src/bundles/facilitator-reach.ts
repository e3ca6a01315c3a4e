import { BUDGET, FOCUS, GROUP, MODALITY, WINDOW } from '../scoring/factors';
import { modalityFit, targetGroupFit, windowFit } from '../scoring/fits';
import type { PreparedOffer, PreparedRequest } from '../scoring/prepared';

/**
 * What the facilitators one request may use could add to a bundle at most: the modalities and
 * target groups any of them brings, the largest budget share and focus, and each one's focus
 * (scoring/prepared.ts: focusOf, found with the facilitators by the index). The scan (index/singles.ts) bounds
 * a southern provider's bundles by it; when there is no facilitator there is no bundle.
 */
export interface FacilitatorReach {
  /** In offer-id order (code units), as the index finds them: bundles/facilitator-groups.ts relies on it. */
  readonly facilitators: readonly PreparedOffer[];
  /** focusOf(r, facilitators[i]). */
  readonly focus: Float64Array;
  readonly modalities: number;
  readonly targetGroups: number;
  /** Largest budget share, capped at 1; 0 when none states a budget or the request asks none. */
  readonly share: number;
  readonly maxFocus: number;
}

/** `focus[i]` must be focusOf(r, facilitators[i]) (the index finds both at once). */
export function facilitatorReach(r: PreparedRequest, facilitators: readonly PreparedOffer[], focus: Float64Array): FacilitatorReach {
  let modalities = 0;
  let targetGroups = 0;
  let share = 0;
  let maxFocus = 0;
  facilitators.forEach((f, i) => {
    modalities |= f.modalities;
    targetGroups |= f.targetGroups;
    if (!Number.isNaN(r.budget) && !Number.isNaN(f.budget)) share = Math.max(share, Math.min(1, f.budget / r.budget));
    maxFocus = Math.max(maxFocus, focus[i]);
  });
  return { facilitators, focus, modalities, targetGroups, share, maxFocus };
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
 * A southern provider offer that may head a triangular bundle, with what the scan learnt:
 * `core` bounds the part only the provider decides (area, SDG, language, equity; exact but for
 * rare languages), `focus` is its own focus, `share` its budget over the asked one (0 when
 * either has none), [from, to] the request's window cut to the offer's, `bound` a bound on any
 * bundle it heads (bundleBound).
 */
export interface SouthProvider {
  readonly o: PreparedOffer;
  readonly core: number;
  readonly focus: number;
  readonly share: number;
  readonly from: number;
  readonly to: number;
  bound: number;
}
