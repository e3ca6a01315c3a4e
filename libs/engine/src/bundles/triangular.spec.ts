import { bruteForceMatch } from '../reference/brute-force';
import { MatchingEngine } from '../matching-engine';
import { aFacilitator, anOffer, aRequest } from '../test/fixtures';
import type { MatchOffer, MatchRequest, Suggestion } from '../types';

function bothPaths(request: MatchRequest, offers: MatchOffer[]): Suggestion[] {
  const engine = new MatchingEngine();
  offers.forEach((o) => engine.upsertOffer(o));
  const fast = engine.matchRequest(request);
  expect(fast).toEqual(bruteForceMatch(request, offers));
  return fast;
}
const shapes = (list: Suggestion[]): Array<[string, readonly string[]]> => list.map((s) => [s.cooperationType, s.offerIds]);

describe('triangular bundles', () => {
  const south = anOffer({ id: 'south', budgetUsd: 50_000 });

  it('pairs a southern provider offer with a northern facilitator eligible for the country', () => {
    const facilitator = aFacilitator({ id: 'north-f', eligibility: { regions: ['eastern-africa'], countries: [], groups: [] } });
    const out = bothPaths(aRequest(), [south, facilitator]);
    // The bundle outranks the provider offer's single; the single still fills a free place.
    expect(shapes(out)).toEqual([['triangular', ['south', 'north-f']], ['south-south', ['south']]]);
    expect(out[0].key).toBe('req-1|south+north-f');
  });

  it('pairs it with a multilateral facilitator too', () => {
    const out = bothPaths(aRequest({ cooperationTypes: ['triangular'] }), [south, aFacilitator({ id: 'un', origin: 'multilateral', providerCountry: null })]);
    expect(shapes(out)).toEqual([['triangular', ['south', 'un']]]);
  });

  it('never uses a facilitator the country is not eligible for', () => {
    const facilitator = aFacilitator({ eligibility: { regions: ['asia'], countries: [], groups: [] } });
    expect(shapes(bothPaths(aRequest(), [south, facilitator]))).toEqual([['south-south', ['south']]]);
  });

  it('never shows a southern facilitator, or a facilitator alone', () => {
    const southern = aFacilitator({ id: 'south-f', origin: 'south', providerCountry: 'BRA', capacityAreas: ['data'] });
    const alone = aFacilitator({ id: 'alone', capacityAreas: ['data'] });
    expect(bothPaths(aRequest(), [southern, alone])).toEqual([]);
    const out = bothPaths(aRequest(), [south, southern]);
    expect(out.flatMap((s) => s.offerIds)).not.toContain('south-f');
  });

  it('does not pair a northern provider offer with a facilitator', () => {
    const north = anOffer({ id: 'north-p', origin: 'north', providerCountry: 'FRA' });
    expect(shapes(bothPaths(aRequest(), [north, aFacilitator()]))).toEqual([['north-south', ['north-p']]]);
  });

  it('offers no bundle to a request that does not accept triangular cooperation', () => {
    const out = bothPaths(aRequest({ cooperationTypes: ['south-south', 'north-south'] }), [south, aFacilitator()]);
    expect(shapes(out)).toEqual([['south-south', ['south']]]);
  });

  it('keeps a bundle whose provider the request would not take alone', () => {
    const out = bothPaths(aRequest({ cooperationTypes: ['triangular'] }), [south, aFacilitator()]);
    expect(shapes(out)).toEqual([['triangular', ['south', 'fac-1']]]);
  });

  it('ranks the bundle above the single when the facilitator completes budget and modalities', () => {
    const partial = anOffer({ id: 'p', modalities: ['training'], budgetUsd: 50_000 });
    const offers = [partial, aFacilitator({ modalities: ['technical-assistance'], budgetUsd: 200_000 })];
    const out = bothPaths(aRequest(), offers);
    const [single] = bothPaths(aRequest({ cooperationTypes: ['south-south'] }), offers);
    expect(shapes(out)).toEqual([['triangular', ['p', 'fac-1']], ['south-south', ['p']]]);
    expect(out[0].score).toBeGreaterThan(single.score);
  });

  it('pairs providers in rounds when singles cannot fill the list, and still ranks as brute force does', () => {
    // A triangular-only request never fills its top K with singles, so the scan pairs the
    // providers it has met every few dozen; the facilitator groups of the first round serve
    // the later ones. 150 southern providers and 30 facilitators differing in budget, window
    // and modalities make those rounds and groups.
    const modalities = ['training', 'technical-assistance', 'infrastructure', 'fellowship'];
    const providers = Array.from({ length: 150 }, (_, i) => anOffer({
      id: `s-${String(i).padStart(3, '0')}`,
      budgetUsd: 5_000 * (i % 13),
      modalities: [modalities[i % 4]],
      window: { start: `2026-0${1 + (i % 6)}-01`, end: '2027-12-31' },
    }));
    const facilitators = Array.from({ length: 30 }, (_, i) => aFacilitator({
      id: `f-${String(i).padStart(2, '0')}`,
      budgetUsd: 20_000 * (i % 7),
      modalities: [modalities[(i + 1) % 4], modalities[(i + 2) % 4]],
      window: { start: '2026-01-01', end: `2027-0${1 + (i % 9)}-28` },
    }));
    const out = bothPaths(aRequest({ cooperationTypes: ['triangular'], modalities }), [...providers, ...facilitators]);
    expect(out).toHaveLength(5);
    expect(new Set(out.map((s) => s.offerIds[0])).size).toBe(5);
  });
});
