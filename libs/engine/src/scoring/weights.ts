import type { FactorName } from '../types';
import type { PreparedRequest } from './prepared';
import { BUDGET, DEFAULT_FACTOR_WEIGHTS, FACTORS, GROUP, SDG } from './factors';

export type Weights = Readonly<Record<FactorName, number>>;

export const DEFAULT_WEIGHTS: Weights = DEFAULT_FACTOR_WEIGHTS;

const SUM_TOLERANCE = 1e-9;

/**
 * Checks that every factor has a finite weight in [0, 1], that no unknown factor is named, and
 * that the weights sum to 1 (so scores stay in [0, 1]). Throws a RangeError naming the problem.
 */
export function validateWeights(weights: Record<string, unknown>): Weights {
  for (const key of Object.keys(weights)) {
    if (!(FACTORS as readonly string[]).includes(key)) throw new RangeError(`unknown factor weight: ${key}`);
  }
  let sum = 0;
  for (const factor of FACTORS) {
    const w = weights[factor];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0 || w > 1) {
      throw new RangeError(`weight of ${factor} must be a number in [0, 1], got ${String(w)}`);
    }
    sum += w;
  }
  if (Math.abs(sum - 1) > SUM_TOLERANCE) throw new RangeError(`weights must sum to 1, got ${sum}`);
  return Object.freeze({ ...(weights as Record<FactorName, number>) });
}

/** Weights as a vector in FACTORS order, as the hot path reads them. */
export function weightVector(weights: Weights): Float64Array {
  return Float64Array.from(FACTORS, (f) => weights[f]);
}

/**
 * The weights one request is scored with: a factor the request gives nothing to judge by (it
 * names no SDGs, no target groups, or asks for no budget) would score every candidate the same
 * neutral value, so it takes no weight, and the others share its weight in proportion to their
 * own. Scores of different requests then mean the same thing: how much of what this request
 * asked for the combination brings.
 */
export function requestWeights(base: Float64Array, judged: { sdgs: boolean; targetGroups: boolean; budget: boolean }): Float64Array {
  const w = Float64Array.from(base);
  if (!judged.sdgs) w[SDG] = 0;
  if (!judged.targetGroups) w[GROUP] = 0;
  if (!judged.budget) w[BUDGET] = 0;
  let sum = 0;
  for (let i = 0; i < w.length; i++) sum += w[i];
  if (sum > 0 && sum !== 1) for (let i = 0; i < w.length; i++) w[i] /= sum;
  return w;
}

/** requestWeights for a prepared request. */
export const weightsFor = (base: Float64Array, r: PreparedRequest): Float64Array =>
  requestWeights(base, { sdgs: r.sdgCount > 0, targetGroups: r.targetGroupCount > 0, budget: !Number.isNaN(r.budget) });
