import type { FactorName } from '../types';

// The one factor table: every factor's name, its place in the factor and weight vectors, and
// its default weight. Everything else (summing, explanations, the bounds of the fast path)
// reads positions from here, so adding or reordering a factor is one edit.

interface FactorRow {
  readonly factor: FactorName;
  readonly defaultWeight: number;
}

// Defaults, and why. What the request is about (its first capacity area, in its own first
// language) weighs most: capacity areas 0.25 and languages 0.15, both scored with the first
// one counting half. Modalities 0.15 and target groups 0.1 are how and for whom. SDGs 0.05:
// most offers name several, so they separate little. Budget 0.1: a gap is what financing
// partners close. Window 0.05: offers usually run longer than requests, so it rarely decides
// and must not take a tenth of the score blindly. Equity 0.1 lifts LDC, LLDC and SIDS
// requesters across requests (it is the same for every candidate of one request). Focus 0.05:
// an offer that lists the requester's country or group among those it serves has chosen it.
// A factor the request gives nothing to judge by (no SDGs, no target groups, no budget) takes
// no weight for that request; its weight is shared out over the others (weights.ts).
const TABLE: readonly FactorRow[] = [
  { factor: 'capacityAreas', defaultWeight: 0.25 },
  { factor: 'modalities', defaultWeight: 0.15 },
  { factor: 'sdgs', defaultWeight: 0.05 },
  { factor: 'targetGroups', defaultWeight: 0.1 },
  { factor: 'languages', defaultWeight: 0.15 },
  { factor: 'budget', defaultWeight: 0.1 },
  { factor: 'window', defaultWeight: 0.05 },
  { factor: 'equity', defaultWeight: 0.1 },
  { factor: 'focus', defaultWeight: 0.05 },
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
  focus: FOCUS,
} = AT;
