import { MatchingEngine } from './matching-engine';
import { combinationKey } from './ranking/combination-key';
import { bruteForceMatch } from './reference/brute-force';
import { explainExclusion } from './rules/hard-rules';
import { Rejections } from './rules/rejections';
import { aFacilitator, anOffer, aRequest } from './test/fixtures';
import type { MatchOffer, MatchRequest, RejectionReasonCode, RequesterClassification, Suggestion } from './types';

// Ranking as someone who works in development cooperation reads it (issue 13, part 1), on
// small worlds shaped like the demo's. Every case runs both paths and checks they agree.

function bothPaths(request: MatchRequest, offers: readonly MatchOffer[], rejected: Rejections = Rejections.NONE, topK = 5): Suggestion[] {
  const engine = new MatchingEngine({ topK });
  offers.forEach((o) => engine.upsertOffer(o));
  const fast = engine.matchRequest(request, rejected);
  expect(fast).toEqual(bruteForceMatch(request, offers, rejected, { topK }));
  return fast;
}
const combos = (list: readonly Suggestion[]): string[] => list.map((s) => s.offerIds.join('+'));
const rank = (list: readonly Suggestion[], combo: string): number => combos(list).indexOf(combo);

const ldc = (region: string, subregion: string, intermediateRegion: string | null, more: Partial<RequesterClassification> = {}): RequesterClassification => ({
  region, subregion, intermediateRegion, developmentStatus: 'developing', ldc: true, lldc: false, sids: false, incomeGroup: 'low', ...more,
});
const CAMBODIA = ldc('asia', 'south-eastern-asia', null);
const UGANDA = ldc('africa', 'sub-saharan-africa', 'eastern-africa', { lldc: true });
const MALAWI = ldc('africa', 'sub-saharan-africa', 'eastern-africa', { lldc: true });
const HONDURAS: RequesterClassification = { ...ldc('americas', 'latin-america-and-the-caribbean', 'central-america'), ldc: false, incomeGroup: 'lower-middle' };

describe('the core need comes first', () => {
  const khmer = aRequest({
    id: 'khm', country: 'KHM', classification: CAMBODIA,
    capacityAreas: ['language-technology', 'public-sector-ai'], modalities: ['technical-assistance', 'training'],
    sdgs: [9, 16], targetGroups: [], deliveryLanguages: ['km', 'en'], budgetUsd: 300_000,
  });
  // Bhashini matches everything but the language; the Khmer lab is weaker on all the rest.
  const bhashini = anOffer({
    id: 'bhashini', providerId: 'bhashini', providerCountry: 'IND', capacityAreas: ['language-technology', 'public-sector-ai', 'data'],
    modalities: ['technical-assistance', 'training'], sdgs: [9, 16], deliveryLanguages: ['en', 'hi'], budgetUsd: 300_000,
  });
  const khmerLab = anOffer({
    id: 'khmer-lab', providerId: 'nectec', providerCountry: 'THA', capacityAreas: ['language-technology'],
    modalities: ['training'], sdgs: [4], deliveryLanguages: ['km', 'en'], budgetUsd: 100_000,
  });

  it('for a Khmer language-technology request, the offer that delivers in Khmer outranks the one sharing only English', () => {
    const out = bothPaths(khmer, [bhashini, khmerLab]);
    expect(combos(out)).toEqual(['khmer-lab', 'bhashini']);
    const why = Object.fromEntries(out[1].explanation.map((e) => [e.factor, e.detail]));
    expect(why.languages).toBe('delivers only in en; this language-technology request is about km: prefer a provider working in km');
    expect(why.capacityAreas).toContain("delivers in none of the request's own languages (km)");
  });

  it("for Uganda's language-technology request, Strathmore (Luganda, Swahili) + JICA outranks Zhejiang + JICA, which misses it", () => {
    const uganda = aRequest({
      id: 'uga', country: 'UGA', classification: UGANDA, capacityAreas: ['language-technology', 'data'],
      deliveryLanguages: ['lg', 'sw', 'en'], modalities: ['technical-assistance', 'training', 'financing'], budgetUsd: 400_000,
    });
    const strathmore = anOffer({ id: 'strathmore', providerId: 'strathmore', providerCountry: 'KEN', deliveryLanguages: ['sw', 'lg', 'en'], modalities: ['training'], budgetUsd: 100_000 });
    const zhejiang = anOffer({ id: 'zju', providerId: 'zhejiang', providerCountry: 'CHN', capacityAreas: ['data', 'compute'], deliveryLanguages: ['en', 'zh'], budgetUsd: 100_000 });
    const jica = aFacilitator({ id: 'jica', providerId: 'jica', providerCountry: 'JPN', budgetUsd: 300_000 });
    const out = bothPaths(uganda, [strathmore, zhejiang, jica]);
    expect(out[0].offerIds[0]).toBe('strathmore');
    expect(rank(out, 'strathmore+jica')).toBeLessThan(rank(out, 'zju+jica'));
  });
});

describe('scores discriminate', () => {
  it('a factor that would be the same for every candidate takes no weight, and the window says what to agree', () => {
    const request = aRequest({ sdgs: [], targetGroups: [], budgetUsd: null });
    const out = bothPaths(request, [anOffer({ id: 'a', window: { start: '2027-03-01', end: '2029-12-31' } }), anOffer({ id: 'b', providerId: 'b' })]);
    const [late] = out.filter((s) => s.offerIds[0] === 'a');
    const window = late.explanation.find((e) => e.factor === 'window');
    expect(window?.detail).toBe('starts 2027-03-01, 59 days after the requested start 2027-01-01: agree a later start');
    for (const s of out) for (const e of s.explanation) if (['sdgs', 'targetGroups', 'budget'].includes(e.factor)) expect(e.weight).toBe(0);
    expect(out[0].score).toBeGreaterThan(out[1].score);
  });
});

describe('financing facilitators count for what they bring', () => {
  it('a financing facilitator bundle appears, first, for an LDC request with a budget gap', () => {
    const malawi = aRequest({
      id: 'mwi', country: 'MWI', classification: MALAWI, capacityAreas: ['skills-and-education'], modalities: ['training', 'financing'],
      targetGroups: ['women-and-girls', 'rural-and-remote'], deliveryLanguages: ['en', 'ny'], budgetUsd: 400_000,
    });
    const itec = anOffer({ id: 'itec', providerId: 'itec', providerCountry: 'IND', capacityAreas: ['skills-and-education'], modalities: ['training'], targetGroups: [], deliveryLanguages: ['en'], budgetUsd: 50_000 });
    const giz = anOffer({ id: 'giz', providerId: 'giz', providerCountry: 'DEU', origin: 'north', capacityAreas: ['skills-and-education'], modalities: ['training'], targetGroups: ['women-and-girls'], deliveryLanguages: ['en'], budgetUsd: 150_000 });
    const sida = aFacilitator({
      id: 'sida', providerId: 'sida', providerCountry: 'SWE', modalities: ['financing'], targetGroups: ['women-and-girls', 'rural-and-remote'],
      eligibility: { regions: [], countries: [], groups: ['ldc'] }, budgetUsd: 350_000,
    });
    const out = bothPaths(malawi, [itec, giz, sida]);
    expect(out[0].offerIds).toEqual(['itec', 'sida']);
    const why = Object.fromEntries(out[0].explanation.map((e) => [e.factor, e]));
    expect(why.budget.detail).toBe('covers the USD 400,000 asked (USD 400,000 offered, USD 350,000 of it from the facilitator)');
    expect(why.targetGroups.score).toBe(1);
    expect(why.focus.detail).toBe('the facilitator serves least developed countries first, and MWI is one');
    expect(out[0].score).toBeGreaterThan(out.find((s) => combos([s])[0] === 'itec')?.score ?? 1);
  });
});

describe('diversity orders, it does not hide', () => {
  it('Honduras sees ITEC alone and ITEC + IDB triangular when both are eligible', () => {
    const honduras = aRequest({ id: 'hnd', country: 'HND', classification: HONDURAS, deliveryLanguages: ['es', 'en'], capacityAreas: ['data'] });
    const itec = anOffer({ id: 'itec', providerId: 'itec', providerCountry: 'IND', capacityAreas: ['data'], deliveryLanguages: ['en'], budgetUsd: 100_000 });
    const idb = aFacilitator({ id: 'idb', providerId: 'idb', origin: 'multilateral', providerCountry: null, deliveryLanguages: ['es', 'en'], budgetUsd: 150_000 });
    expect(combos(bothPaths(honduras, [itec, idb])).sort()).toEqual(['itec', 'itec+idb']);
  });

  it('K fills when more combinations are eligible than distinct offers', () => {
    const providers = ['a', 'b'].map((id) => anOffer({ id, providerId: id, budgetUsd: 50_000 }));
    const facilitators = ['f1', 'f2'].map((id) => aFacilitator({ id, providerId: id }));
    const out = bothPaths(aRequest(), [...providers, ...facilitators], Rejections.NONE, 5);
    expect(out).toHaveLength(5); // 2 singles + 4 bundles are eligible
    expect(new Set(out.slice(0, 2).map((s) => s.offerIds[0]))).toEqual(new Set(['a', 'b']));
  });
});

describe('rejections are understood', () => {
  const uganda = aRequest({ id: 'uga', country: 'UGA', classification: UGANDA, capacityAreas: ['language-technology', 'data'], deliveryLanguages: ['lg', 'sw', 'en'] });
  const zhejiang = anOffer({ id: 'zju', providerId: 'zhejiang', providerCountry: 'CHN', capacityAreas: ['data', 'language-technology'], deliveryLanguages: ['en', 'zh'] });
  const zhejiangTwo = anOffer({ id: 'zju-2', providerId: 'zhejiang', providerCountry: 'CHN', capacityAreas: ['language-technology'], deliveryLanguages: ['lg', 'en'] });
  const strathmore = anOffer({ id: 'strathmore', providerId: 'strathmore', providerCountry: 'KEN', deliveryLanguages: ['sw', 'en'], budgetUsd: 100_000 });
  const makerere = anOffer({ id: 'makerere-ai', providerId: 'makerere', providerCountry: 'KEN', deliveryLanguages: ['lg'], window: { start: '2027-06-01', end: '2028-12-31' } });
  const jica = aFacilitator({ id: 'jica', providerId: 'jica', providerCountry: 'JPN' });
  const world = [zhejiang, zhejiangTwo, strathmore, makerere, jica];
  const after = (reasonCode: RejectionReasonCode): Rejections =>
    Rejections.from([{ key: combinationKey('uga', ['zju', 'jica']), offerIds: ['zju', 'jica'], providerId: 'zhejiang', reasonCode }]);

  it('a provider-unsuitable rejection keeps that provider away, in every offer and every variant', () => {
    const out = bothPaths(uganda, world, after('provider-unsuitable'));
    expect(out.flatMap((s) => s.offerIds).filter((id) => id.startsWith('zju'))).toEqual([]);
    expect(explainExclusion(uganda, [zhejiangTwo], after('provider-unsuitable'))).toEqual([
      { rule: 8, name: 'not-rejected', reason: 'coordinators rejected provider zhejiang as unsuitable for this request' },
    ]);
  });

  it('a capacity mismatch drops the rejected offer alone too, and asks the first capacity area of the rest', () => {
    const out = bothPaths(uganda, world, after('capacity-mismatch'));
    expect(out.map((s) => s.offerIds[0])).not.toContain('zju');
    expect(out.length).toBeGreaterThan(0);
  });

  it('a language mismatch demands the request\'s first language from the providing offer', () => {
    const out = bothPaths(uganda, world, after('language-mismatch'));
    expect(new Set(out.map((s) => s.offerIds[0]))).toEqual(new Set(['zju-2', 'makerere-ai']));
  });

  it('budget and timing rejections keep only combinations that cover the budget, or the whole window', () => {
    const budget = bothPaths(uganda, world, after('budget'));
    for (const s of budget) expect(s.explanation.find((e) => e.factor === 'budget')?.score).toBe(1);
    const timing = bothPaths(uganda, world, after('timing'));
    expect(timing.map((s) => s.offerIds[0])).not.toContain('makerere-ai');
  });

  it('without a code (or with `other`) only the combination itself stays away', () => {
    const out = bothPaths(uganda, world, after('other'));
    expect(combos(out)).not.toContain('zju+jica');
    expect(combos(out)).toContain('zju');
  });
});
