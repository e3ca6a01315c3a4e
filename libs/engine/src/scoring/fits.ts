import { AREA, BUDGET, EQUITY, FACTOR_COUNT, FOCUS, GROUP, LANGUAGE, MODALITY, SDG, WINDOW } from './factors';
import { deliversOwn, focusOf, type PreparedOffer, type PreparedRequest } from './prepared';
import { popcount } from './vocabulary';

// Factor scores, each in [0, 1], at their places in the factor table (factors.ts). A bundle
// (triangular) is scored as one partner: the provider offer brings capacity areas, SDGs and
// languages; the facilitator adds the modalities, the target groups and the budget it brings,
// and its focus counts when it has chosen the requester more specifically than the provider;
// the bundle runs only while both offers run, so its window is their intersection.

/** Score of a factor the offer gives nothing to judge by (it states no budget). */
export const NEUTRAL = 0.5;

export const round3 = (x: number): number => Math.round(x * 1000) / 1000;

const share = (mask: number, count: number, neutral: number): number =>
  count === 0 ? neutral : popcount(mask) / count;

/**
 * The first capacity area (what the request is about) is half of the fit, the share of all
 * requested areas covered the other half. For a language-technology request, that area counts
 * only when the offer delivers in one of the request's own languages: building Khmer language
 * technology takes working in Khmer.
 */
export function areaFit(r: PreparedRequest, areas: number, ownLanguage: boolean): number {
  if (r.areaCount === 0) return 0;
  const shared = ownLanguage ? r.areas & areas : r.areas & areas & ~r.languageTechnology;
  return (shared & r.firstArea ? 0.5 : 0) + (0.5 * popcount(shared)) / r.areaCount;
}

export const modalityFit = (r: PreparedRequest, m: number): number => share(r.modalities & m, r.modalityCount, NEUTRAL);
export const sdgFit = (r: PreparedRequest, sdgs: number): number => share(r.sdgs & sdgs, r.sdgCount, NEUTRAL);
export const targetGroupFit = (r: PreparedRequest, groups: number): number =>
  share(r.targetGroups & groups, r.targetGroupCount, NEUTRAL);

/** Sum of the weights (prepared.ts: languageWeights) of the requested languages offered. */
export function languageFit(r: PreparedRequest, offered: Int32Array): number {
  let sum = 0;
  // Plain loops: both lists hold a handful of ids, and TypedArray#includes is slow when hot.
  for (let i = 0; i < r.languages.length; i++) {
    const lang = r.languages[i];
    for (let j = 0; j < offered.length; j++) {
      if (offered[j] === lang) {
        sum += r.languageWeights[i];
        break;
      }
    }
  }
  return sum;
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
  out[AREA] = areaFit(r, p.areas, r.languageTechnology === 0 || deliversOwn(r, p));
  out[SDG] = sdgFit(r, p.sdgs);
  out[LANGUAGE] = languageFit(r, p.languages);
  out[EQUITY] = r.equity;
}

export function singleFactors(r: PreparedRequest, o: PreparedOffer, out: Float64Array): Float64Array {
  providerFactors(r, o, out);
  out[MODALITY] = modalityFit(r, o.modalities);
  out[GROUP] = targetGroupFit(r, o.targetGroups);
  out[BUDGET] = budgetFit(r, o.budget);
  out[WINDOW] = windowFit(r, o.start, o.end);
  out[FOCUS] = focusOf(r, o);
  return out;
}

export function bundleFactors(r: PreparedRequest, p: PreparedOffer, f: PreparedOffer, out: Float64Array): Float64Array {
  providerFactors(r, p, out);
  out[MODALITY] = modalityFit(r, p.modalities | f.modalities);
  out[GROUP] = targetGroupFit(r, p.targetGroups | f.targetGroups);
  out[BUDGET] = budgetFit(r, bundleBudget(p, f));
  out[WINDOW] = windowFit(r, Math.max(p.start, f.start), Math.min(p.end, f.end));
  out[FOCUS] = Math.max(focusOf(r, p), focusOf(r, f));
  return out;
}

/** Weighted sum in FACTORS order; fast path and brute force both sum through here. */
export function combine(weights: Float64Array, factors: Float64Array): number {
  let s = 0;
  for (let i = 0; i < FACTOR_COUNT; i++) s += weights[i] * factors[i];
  return s;
}
