import type { PreparedOffer, PreparedRequest } from './prepared';
import { AREA, BUDGET, EQUITY, FACTOR_COUNT, GROUP, LANGUAGE, MODALITY, SDG, WINDOW } from './factors';
import { popcount } from './vocabulary';

// Factor scores, each in [0, 1], at their places in the factor table (factors.ts). A bundle (triangular) is scored as
// one partner: the provider offer brings areas, SDGs, target groups and languages; the
// facilitator's modalities and budget add to the provider's; the bundle runs only while both
// offers run, so its window is their intersection.

/** Score of a factor the request gives nothing to judge by: neither helps nor hurts. */
export const NEUTRAL = 0.5;

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const share = (mask: number, count: number, neutral: number): number =>
  count === 0 ? neutral : popcount(mask) / count;

export const areaFit = (r: PreparedRequest, areas: number): number => share(r.areas & areas, r.areaCount, 0);
export const modalityFit = (r: PreparedRequest, m: number): number => share(r.modalities & m, r.modalityCount, NEUTRAL);
export const sdgFit = (r: PreparedRequest, sdgs: number): number => share(r.sdgs & sdgs, r.sdgCount, NEUTRAL);
export const targetGroupFit = (r: PreparedRequest, groups: number): number =>
  share(r.targetGroups & groups, r.targetGroupCount, NEUTRAL);

/** Requested languages offered, each weighted by its place in the request's preference order. */
export function languageFit(r: PreparedRequest, offered: Int32Array): number {
  const n = r.languages.length;
  if (n === 0) return 0;
  let sum = 0;
  // Plain loops: both lists hold a handful of ids, and TypedArray#includes is slow when hot.
  for (let i = 0; i < n; i++) {
    const lang = r.languages[i];
    for (let j = 0; j < offered.length; j++) {
      if (offered[j] === lang) {
        sum += n - i;
        break;
      }
    }
  }
  return sum / r.languageWeightTotal;
}

/** Share of the asked budget that is offered; neutral when either side states none (NaN). */
export function budgetFit(r: PreparedRequest, offered: number): number {
  if (Number.isNaN(r.budget) || Number.isNaN(offered)) return NEUTRAL;
  return Math.min(1, offered / r.budget);
}

/** Share of the request's window (inclusive days) that [start, end] covers. */
export function windowFit(r: PreparedRequest, start: number, end: number): number {
  const overlap = Math.min(end, r.end) - Math.max(start, r.start) + 1;
  return overlap > 0 ? overlap / r.days : 0;
}

/** Sum of positive budgets, NaN when no offer states one. */
export function bundleBudget(p: PreparedOffer, f: PreparedOffer): number {
  if (Number.isNaN(p.budget) && Number.isNaN(f.budget)) return NaN;
  return (p.budget || 0) + (f.budget || 0);
}

/** The part of the score that only the provider offer (and the request) decide. */
function providerFactors(r: PreparedRequest, p: PreparedOffer, out: Float64Array): void {
  out[AREA] = areaFit(r, p.areas);
  out[SDG] = sdgFit(r, p.sdgs);
  out[GROUP] = targetGroupFit(r, p.targetGroups);
  out[LANGUAGE] = languageFit(r, p.languages);
  out[EQUITY] = r.equity;
}

export function singleFactors(r: PreparedRequest, o: PreparedOffer, out: Float64Array): Float64Array {
  providerFactors(r, o, out);
  out[MODALITY] = modalityFit(r, o.modalities);
  out[BUDGET] = budgetFit(r, o.budget);
  out[WINDOW] = windowFit(r, o.start, o.end);
  return out;
}

export function bundleFactors(r: PreparedRequest, p: PreparedOffer, f: PreparedOffer, out: Float64Array): Float64Array {
  providerFactors(r, p, out);
  out[MODALITY] = modalityFit(r, p.modalities | f.modalities);
  out[BUDGET] = budgetFit(r, bundleBudget(p, f));
  out[WINDOW] = windowFit(r, Math.max(p.start, f.start), Math.min(p.end, f.end));
  return out;
}

/** Weighted sum in FACTORS order; fast path and brute force both sum through here. */
export function combine(weights: Float64Array, factors: Float64Array): number {
  let s = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) s += weights[i] * factors[i];
  return s;
}
