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
const RWANDA_ONLY = { regions: [], countries: ['RWA'], groups: [] };

describe('scoring factors and their explanations', () => {
  it('a perfect match that names the requester scores 1 and lists every factor with its weight', () => {
    const [best] = bruteForceMatch(aRequest(), [anOffer({ eligibility: RWANDA_ONLY })]);
    expect(best.score).toBe(1);
    expect(best.explanation.map((e) => [e.factor, e.weight])).toEqual(Object.entries(DEFAULT_WEIGHTS));
  });

  it('capacity areas: the first area is half of the fit, the share of all areas the other half', () => {
    expect(factor('capacityAreas', { capacityAreas: ['data'] }, { capacityAreas: ['data', 'compute'] })).toEqual({
      score: 0.75,
      detail: "covers data, the request's first need; misses compute",
    });
    expect(factor('capacityAreas', { capacityAreas: ['compute', 'data'] }, { capacityAreas: ['data', 'compute'] })).toEqual({
      score: 1,
      detail: "covers data, the request's first need and also compute",
    });
    expect(factor('capacityAreas', { capacityAreas: ['compute', 'language-technology'] }, { capacityAreas: ['data', 'compute'] })).toEqual({
      score: 0.25,
      detail: "misses data, the request's first need; it shares compute: prefer an offer that covers data",
    });
  });

  it('modalities: share of the requested modalities offered, with what to do about a gap', () => {
    expect(factor('modalities', { modalities: ['training', 'workshop'] })).toEqual({
      score: 0.5,
      detail: 'offers training; misses technical-assistance: ask whether the rest can be added, or look for a partner that brings it',
    });
    expect(factor('modalities', {})).toEqual({ score: 1, detail: 'offers technical-assistance and training, all that was asked' });
  });

  it('SDGs, target groups and budget take no weight when the request names none, and their weight goes to the others', () => {
    const e = explained(aRequest({ sdgs: [], targetGroups: [], budgetUsd: null }), [anOffer()]);
    expect(e.sdgs).toEqual(expect.objectContaining({ weight: 0, detail: 'the request names no SDGs, so this factor takes no weight' }));
    expect(e.targetGroups).toEqual(expect.objectContaining({ weight: 0, detail: 'the request names no target groups, so this factor takes no weight' }));
    expect(e.budget).toEqual(expect.objectContaining({ weight: 0, detail: 'the request asks for no budget, so this factor takes no weight' }));
    expect(e.capacityAreas.weight).toBe(0.333); // 0.25 of the 0.75 that is left
    expect(Object.values(e).reduce((s, x) => s + x.weight, 0)).toBeCloseTo(1, 2);
  });

  it('languages: the first language is half of the fit, the others share the rest, earlier ones more', () => {
    const generic = { capacityAreas: ['data'] };
    expect(factor('languages', { deliveryLanguages: ['rw'] }, generic)).toEqual({ score: 0.5, detail: "delivers in rw, the request's first language" });
    expect(factor('languages', { deliveryLanguages: ['en'] }, generic)).toEqual({
      score: 0.333,
      detail: "delivers in en but not in rw, the request's first language: plan interpretation, or ask the provider to work in rw",
    });
    expect(factor('languages', { deliveryLanguages: ['fr', 'rw'] }, generic).score).toBe(0.667);
  });

  it('language technology needs the request\'s own languages: a lingua franca counts for nothing', () => {
    const english = factor('languages', { deliveryLanguages: ['en', 'fr'] });
    expect(english).toEqual({
      score: 0,
      detail: 'delivers only in en and fr; this language-technology request is about rw: prefer a provider working in rw',
    });
    expect(factor('capacityAreas', { deliveryLanguages: ['en'] })).toEqual({
      score: 0.25,
      detail: "lists language-technology but delivers in none of the request's own languages (rw), so it cannot build that technology for them; it shares data: prefer a provider working in rw",
    });
    expect(factor('languages', { deliveryLanguages: ['rw'] }).score).toBe(1);
  });

  it('budget: share of the asked budget, with the gap a financing partner would close', () => {
    expect(factor('budget', { budgetUsd: 200_000 })).toEqual({ score: 0.8, detail: 'covers 80% of the USD 250,000 asked: a gap of USD 50,000 for a financing partner to close' });
    expect(factor('budget', { budgetUsd: 400_000 })).toEqual({ score: 1, detail: 'covers the USD 250,000 asked (USD 400,000 offered)' });
    expect(factor('budget', { budgetUsd: null })).toEqual({ score: 0.5, detail: 'the offer states no budget: ask what it funds, or pair it with a financing partner' });
  });

  it('window: says what to agree when the offer starts late or ends early, not a day count', () => {
    expect(factor('window', {})).toEqual({ score: 1, detail: 'runs through the whole requested window (2027-01-01 to 2027-12-31)' });
    expect(factor('window', { window: { start: '2027-07-01', end: '2029-01-01' } })).toEqual({
      score: 0.504,
      detail: 'starts 2027-07-01, 181 days after the requested start 2027-01-01: agree a later start',
    });
    expect(factor('window', { window: { start: '2026-01-01', end: '2027-09-30' } }).detail).toBe(
      'ends 2027-09-30, 92 days before the requested end 2027-12-31: agree a shorter plan or an extension',
    );
  });

  it('equity: raises LDC, LLDC and SIDS requesters', () => {
    expect(factor('equity', {})).toEqual({ score: 1, detail: 'RWA is a least developed country and landlocked developing country: it comes first when slots are scarce' });
    const jamaica = { ...BRAZIL, subregion: 'latin-america-and-the-caribbean', intermediateRegion: 'caribbean', sids: true };
    expect(factor('equity', {}, { country: 'JAM', classification: jamaica }).score).toBe(0.75);
    expect(factor('equity', {}, { country: 'BRA', classification: BRAZIL })).toEqual({ score: 0.25, detail: 'BRA is not an LDC, LLDC or SIDS: no equity lift' });
    const same = anOffer();
    const ldc = bruteForceMatch(aRequest({ classification: RWANDA }), [same])[0].score;
    const other = bruteForceMatch(aRequest({ country: 'BRA', classification: BRAZIL }), [same])[0].score;
    expect(ldc - other).toBeCloseTo(0.075, 9);
  });

  it('focus: an offer that chose the requester (by name, group or region) counts for it', () => {
    expect(factor('focus', { eligibility: RWANDA_ONLY })).toEqual({ score: 1, detail: 'the offer lists RWA by name among the countries it serves' });
    expect(factor('focus', { eligibility: { regions: [], countries: [], groups: ['ldc'] } })).toEqual({
      score: 1,
      detail: 'the offer serves least developed countries first, and RWA is one',
    });
    expect(factor('focus', { eligibility: { regions: ['eastern-africa'], countries: [], groups: [] } }).score).toBe(0.75);
    expect(factor('focus', { eligibility: { regions: ['africa'], countries: [], groups: [] } }).score).toBe(0.5);
    expect(factor('focus', {})).toEqual({ score: 0, detail: 'open to every eligible country: it has not singled out RWA' });
  });

  it('a bundle adds the facilitator budget, modalities and target groups, and runs only while both offers run', () => {
    const e = explained(aRequest({ cooperationTypes: ['triangular'], targetGroups: ['rural-and-remote', 'women-and-girls'] }), [
      anOffer({ budgetUsd: 100_000, modalities: ['training'], window: { start: '2027-01-01', end: '2027-06-30' } }),
      aFacilitator({ budgetUsd: 100_000, modalities: ['technical-assistance'], targetGroups: ['women-and-girls'], window: { start: '2027-04-01', end: '2027-12-31' } }),
    ]);
    expect(e.budget).toEqual(expect.objectContaining({ score: 0.8 }));
    expect(e.budget.detail).toBe('covers 80% of the USD 250,000 asked, USD 100,000 of it from the facilitator: a gap of USD 50,000 for a financing partner to close');
    expect(e.modalities).toEqual(expect.objectContaining({ score: 1, detail: 'together offer technical-assistance and training, all that was asked' }));
    expect(e.targetGroups).toEqual(expect.objectContaining({ score: 1, detail: 'together reach rural-and-remote and women-and-girls, all that was asked' }));
    expect(e.window.detail).toBe(
      'starts 2027-04-01, 90 days after the requested start 2027-01-01: agree a later start; ends 2027-06-30, 184 days before the requested end 2027-12-31: agree a shorter plan or an extension',
    );
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
    const weights = validateWeights({ ...DEFAULT_WEIGHTS, capacityAreas: 0.45, modalities: 0, focus: 0 });
    const [s] = bruteForceMatch(aRequest(), [anOffer({ modalities: ['workshop'] })], new Set(), { weights });
    expect(s.score).toBe(1);
  });

  it('refuses weights that do not sum to 1, are negative, missing or unknown', () => {
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, equity: 0.2 })).toThrow(/sum to 1/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, equity: -0.1, window: 0.25 })).toThrow(/equity/);
    const { focus: _dropped, ...missing } = DEFAULT_WEIGHTS;
    expect(() => validateWeights(missing)).toThrow(/focus/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, popularity: 0 })).toThrow(/unknown factor/);
    expect(() => validateWeights({ ...DEFAULT_WEIGHTS, sdgs: Number.NaN })).toThrow(/sdgs/);
  });
});
