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
});
