import { bruteForceMatch } from '../reference/brute-force';
import { aFacilitator, anOffer, aRequest, BRAZIL, RWANDA } from '../test/fixtures';
import type { ExplanationEntry, FactorName, MatchOffer, MatchRequest } from '../types';
import { DEFAULT_WEIGHTS, validateWeights } from './weights';

/** The explanation of the single best suggestion, by factor. */
function explained(request: MatchRequest, offers: MatchOffer[]): Record<FactorName, ExplanationEntry> {
  const [best] = bruteForceMatch(request, offers);
  return Object.fromEntries(best.explanation.map((e) => [e.factor, e])) as Record<FactorName, ExplanationEntry>;
}
const factor = (f: FactorName, offer: Partial<MatchOffer>, request: Partial<MatchRequest> = {}): Pick<ExplanationEntry, 'score' | 'detail'> => {
  const { score, detail } = explained(aRequest(request), [anOffer(offer)])[f];
  return { score, detail };
};

describe('scoring factors and their explanations', () => {
  it('a perfect match scores 1 and lists every factor with its weight', () => {
    const [best] = bruteForceMatch(aRequest(), [anOffer()]);
    expect(best.score).toBe(1);
    expect(best.explanation.map((e) => [e.factor, e.weight])).toEqual(Object.entries(DEFAULT_WEIGHTS));
  });

  it('capacity areas: share of the requested areas the provider covers', () => {
    expect(factor('capacityAreas', {})).toEqual({ score: 1, detail: 'shares language-technology and data' });
    expect(factor('capacityAreas', { capacityAreas: ['data', 'compute'] })).toEqual({ score: 0.5, detail: 'shares data; misses language-technology' });
  });

  it('modalities: share of the requested modalities offered', () => {
    expect(factor('modalities', { modalities: ['training', 'workshop'] })).toEqual({ score: 0.5, detail: 'offers training; misses technical-assistance' });
    expect(factor('modalities', { modalities: ['workshop'] })).toEqual({
      score: 0,
      detail: 'offers none of the requested modalities (technical-assistance, training)',
    });
  });

  it('SDGs: share of the requested goals; neutral when the request names none', () => {
    expect(factor('sdgs', { sdgs: [4, 17] })).toEqual({ score: 0.333, detail: 'contributes to SDG 4; misses SDG 9 and SDG 10' });
    expect(factor('sdgs', { sdgs: [4] }, { sdgs: [] })).toEqual({ score: 0.5, detail: 'the request names no SDGs: neutral' });
  });

  it('target groups: share of the requested groups reached', () => {
    expect(factor('targetGroups', { targetGroups: [] })).toEqual({
      score: 0,
      detail: 'reaches none of the requested target groups (rural-and-remote)',
    });
    expect(factor('targetGroups', {}, { targetGroups: ['rural-and-remote', 'women-and-girls'] })).toEqual({
      score: 0.5,
      detail: 'reaches rural-and-remote; misses women-and-girls',
    });
  });

  it('languages: requested languages offered, the most wanted counting most', () => {
    expect(factor('languages', { deliveryLanguages: ['en'] })).toEqual({ score: 0.333, detail: 'delivers in en (requested, most wanted first: rw, en, fr)' });
    expect(factor('languages', { deliveryLanguages: ['fr', 'rw'] }).score).toBe(0.667);
  });

  it('budget: share of the asked budget covered, neutral when either side has none', () => {
    expect(factor('budget', { budgetUsd: 200_000 })).toEqual({ score: 0.8, detail: 'covers 80% of the USD 250,000 asked' });
    expect(factor('budget', { budgetUsd: 400_000 })).toEqual({ score: 1, detail: 'covers all of the USD 250,000 asked (USD 400,000 offered)' });
    expect(factor('budget', { budgetUsd: null })).toEqual({ score: 0.5, detail: 'the offer states no budget: neutral' });
    expect(factor('budget', {}, { budgetUsd: null })).toEqual({ score: 0.5, detail: 'the request asks for no budget: neutral' });
    expect(factor('budget', { budgetUsd: 72_500 }).detail).toBe('covers 29% of the USD 250,000 asked');
  });

  it('window: share of the requested days the offer runs', () => {
    expect(factor('window', { window: { start: '2027-07-01', end: '2029-01-01' } })).toEqual({
      score: 0.504,
      detail: 'runs 184 of the 365 days requested (2027-01-01 to 2027-12-31)',
    });
  });

  it('equity: raises LDC, LLDC and SIDS requesters', () => {
    expect(factor('equity', {})).toEqual({ score: 1, detail: 'RWA is a least developed country and landlocked developing country' });
    const jamaica = { ...BRAZIL, subregion: 'latin-america-and-the-caribbean', intermediateRegion: 'caribbean', sids: true };
    expect(factor('equity', {}, { country: 'JAM', classification: jamaica })).toEqual({ score: 0.75, detail: 'JAM is a small island developing state' });
    expect(factor('equity', {}, { country: 'BRA', classification: BRAZIL })).toEqual({ score: 0.25, detail: 'BRA is not an LDC, LLDC or SIDS' });
    const same = anOffer();
    const ldc = bruteForceMatch(aRequest({ classification: RWANDA }), [same])[0].score;
    const other = bruteForceMatch(aRequest({ country: 'BRA', classification: BRAZIL }), [same])[0].score;
    expect(ldc - other).toBeCloseTo(0.075, 9);
  });

  it('a bundle adds the facilitator budget and modalities and runs only while both offers run', () => {
    const e = explained(aRequest({ cooperationTypes: ['triangular'] }), [
      anOffer({ budgetUsd: 100_000, modalities: ['training'], window: { start: '2027-01-01', end: '2027-06-30' } }),
      aFacilitator({ budgetUsd: 100_000, modalities: ['technical-assistance'], window: { start: '2027-04-01', end: '2027-12-31' } }),
    ]);
    expect(e.budget).toEqual(expect.objectContaining({ score: 0.8, detail: 'covers 80% of the USD 250,000 asked' }));
    expect(e.modalities).toEqual(expect.objectContaining({ score: 1, detail: 'together offer technical-assistance and training' }));
    expect(e.window.detail).toBe('runs 91 of the 365 days requested (2027-01-01 to 2027-12-31)');
  });

  it('the score is the weighted sum of the factor scores, in [0, 1]', () => {
    const [s] = bruteForceMatch(aRequest(), [anOffer({ sdgs: [4], modalities: ['workshop', 'training'], budgetUsd: 10_000 })]);
    const sum = s.explanation.reduce((acc, e) => acc + e.weight * e.score, 0);
    expect(s.score).toBeCloseTo(sum, 2);
    expect(s.score).toBeGreaterThanOrEqual(0);
    expect(s.score).toBeLessThanOrEqual(1);
  });
});

describe('weights', () => {
  it('accepts weights that sum to 1 and changes the score with them', () => {
    const weights = validateWeights({ ...DEFAULT_WEIGHTS, capacityAreas: 0.5, modalities: 0, equity: 0 });
    const [s] = bruteForceMatch(aRequest(), [anOffer({ modalities: ['workshop'] })], new Set(), { weights });
    expect(s.score).toBe(1);
  });

  it('refuses weights that do not sum to 1, are negative, missing or unknown', () => {
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, equity: 0.2 })).toThrow(/sum to 1/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, equity: -0.1, window: 0.3 })).toThrow(/equity/);
    const { equity: _dropped, ...missing } = DEFAULT_WEIGHTS;
    expect(() => validateWeights(missing)).toThrow(/equity/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, popularity: 0 })).toThrow(/unknown factor/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, sdgs: Number.NaN })).toThrow(/sdgs/);
  });
});
