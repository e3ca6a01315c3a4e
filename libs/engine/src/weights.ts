import type { FactorName } from './types';

/** Factors in the fixed order used for summing and for explanations. */
export const FACTORS: readonly FactorName[] = [
  'capacityAreas',
  'modalities',
  'sdgs',
  'targetGroups',
  'languages',
  'budget',
  'window',
  'equity',
];

export type Weights = Readonly<Record<FactorName, number>>;

// Capacity area is what the request is about, so it weighs most; equity at 0.1 lifts an LDC
// requester by up to 0.075 over a non-LDC one with the same fit, enough to win close calls
// without overriding a clearly better fit.
export const DEFAULT_WEIGHTS: Weights = Object.freeze({
  capacityAreas: 0.25,
  modalities: 0.15,
  sdgs: 0.1,
  targetGroups: 0.1,
  languages: 0.1,
  budget: 0.1,
  window: 0.1,
  equity: 0.1,
});

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
