import type { FactorName } from '../types';

// The one factor table: every factor's name, its place in the factor and weight vectors, and
// its default weight. Everything else (summing, explanations, the bounds of the fast path)
// reads positions from here, so adding or reordering a factor is one edit.

interface FactorRow {
  readonly factor: FactorName;
  readonly defaultWeight: number;
}

// Capacity area is what the request is about, so it weighs most; equity at 0.1 lifts an LDC
// requester by up to 0.075 over a non-LDC one with the same fit, enough to win close calls
// without overriding a clearly better fit.
const TABLE: readonly FactorRow[] = [
  { factor: 'capacityAreas', defaultWeight: 0.25 },
  { factor: 'modalities', defaultWeight: 0.15 },
  { factor: 'sdgs', defaultWeight: 0.1 },
  { factor: 'targetGroups', defaultWeight: 0.1 },
  { factor: 'languages', defaultWeight: 0.1 },
  { factor: 'budget', defaultWeight: 0.1 },
  { factor: 'window', defaultWeight: 0.1 },
  { factor: 'equity', defaultWeight: 0.1 },
];

/** Factors in the fixed order used for summing and for explanations. */
export const FACTORS: readonly FactorName[] = TABLE.map((row) => row.factor);
export const FACTOR_COUNT = FACTORS.length;

/** Position of each factor in factor and weight vectors. */
export const AT: Readonly<Record<FactorName, number>> = Object.freeze(
  Object.fromEntries(FACTORS.map((f, i) => [f, i])) as Record<FactorName, number>,
);

export const DEFAULT_FACTOR_WEIGHTS: Readonly<Record<FactorName, number>> = Object.freeze(
  Object.fromEntries(TABLE.map((row) => [row.factor, row.defaultWeight])) as Record<FactorName, number>,
);

/** The positions under short names, for the hot loops of the fast path. */
export const {
  capacityAreas: AREA,
  modalities: MODALITY,
  sdgs: SDG,
  targetGroups: GROUP,
  languages: LANGUAGE,
  budget: BUDGET,
  window: WINDOW,
  equity: EQUITY,
} = AT;
