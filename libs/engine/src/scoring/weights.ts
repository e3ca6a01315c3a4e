import type { FactorName } from '../types';
import { DEFAULT_FACTOR_WEIGHTS, FACTORS } from './factors';

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
