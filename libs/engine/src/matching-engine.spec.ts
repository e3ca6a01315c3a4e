import { bruteForceMatch } from './reference/brute-force';
import { combinationKey } from './ranking/combination-key';
import { MatchingEngine } from './matching-engine';
import { aFacilitator, anOffer, aRequest } from './test/fixtures';
import { DEFAULT_WEIGHTS } from './scoring/weights';

describe('MatchingEngine', () => {
  it('keeps the top-K, best first, ties broken by combination key', () => {
    const engine = new MatchingEngine({ topK: 2 });
    for (const id of ['c', 'a', 'b']) engine.upsertOffer(anOffer({ id }));
    engine.upsertOffer(anOffer({ id: 'weak', sdgs: [] }));
    expect(engine.matchRequest(aRequest()).map((s) => s.key)).toEqual(['req-1|a', 'req-1|b']);
  });

  it('replaces an offer on upsert and drops it once closed or removed', () => {
    const engine = new MatchingEngine();
    engine.upsertOffer(anOffer({ id: 'x', capacityAreas: ['compute'] }));
    expect(engine.matchRequest(aRequest())).toEqual([]);
    engine.upsertOffer(anOffer({ id: 'x' }));
    expect(engine.matchRequest(aRequest()).map((s) => s.offerIds)).toEqual([['x']]);
    engine.upsertOffer(anOffer({ id: 'x', remainingSlots: 0 }));
    expect(engine.hasOffer('x')).toBe(false);
    engine.upsertOffer(anOffer({ id: 'x' }));
    expect(engine.removeOffer('x')).toBe(true);
    expect(engine.removeOffer('x')).toBe(false);
    expect(engine.offerCount).toBe(0);
  });

  it('skips rejected combinations and suggests nothing for closed requests', () => {
    const engine = new MatchingEngine();
    engine.upsertOffer(anOffer({ id: 'a' }));
    engine.upsertOffer(anOffer({ id: 'b' }));
    const rejected = new Set([combinationKey('req-1', ['a'])]);
    expect(engine.matchRequest(aRequest(), rejected).map((s) => s.key)).toEqual(['req-1|b']);
    expect(engine.matchRequest(aRequest({ status: 'withdrawn' }))).toEqual([]);
  });

  it('rebuilds every request at once', () => {
    const engine = new MatchingEngine();
    engine.upsertOffer(anOffer());
    const all = engine.matchAll([aRequest({ id: 'r1' }), aRequest({ id: 'r2', deliveryLanguages: ['de'] })]);
    expect([...all.entries()].map(([id, list]) => [id, list.length])).toEqual([['r1', 1], ['r2', 0]]);
  });

  it('names the requests a changed offer could enter', () => {
    const engine = new MatchingEngine({ topK: 1 });
    const requests = [
      aRequest({ id: 'fits' }),
      aRequest({ id: 'other-language', deliveryLanguages: ['de'] }),
      aRequest({ id: 'full-with-better', capacityAreas: ['data'] }),
      aRequest({ id: 'closed', status: 'matched' }),
      aRequest({ id: 'south-only', cooperationTypes: ['south-south'] }),
    ];
    const offer = anOffer({ id: 'new', capacityAreas: ['data', 'compute'], sdgs: [] });
    const kth = new Map([['full-with-better', 1]]);
    expect(engine.requestsAffectedBy(offer, requests, kth)).toEqual(['fits', 'south-only']);
    expect(engine.requestsAffectedBy({ ...offer, origin: 'north', providerCountry: 'FRA' }, requests, kth)).toEqual(['fits']);
    expect(engine.requestsAffectedBy({ ...offer, status: 'withdrawn' }, requests)).toEqual([]);
    expect(engine.requestsAffectedBy(aFacilitator(), requests)).toEqual(['fits', 'full-with-better']);
  });

  it('stays exact after heavy churn makes the index rebuild itself', () => {
    const engine = new MatchingEngine();
    const offers = Array.from({ length: 50 }, (_, i) => anOffer({ id: `o${i}`, sdgs: i % 3 ? [4] : [4, 9], budgetUsd: 10_000 * i }));
    for (let round = 0; round < 120; round++) offers.forEach((o) => engine.upsertOffer(o)); // ~6,000 dead slots
    for (const o of offers.slice(0, 20)) engine.removeOffer(o.id);
    const live = offers.slice(20);
    expect(engine.offerCount).toBe(30);
    expect(engine.matchRequest(aRequest())).toEqual(bruteForceMatch(aRequest(), live));
  });

  it('refuses a bad configuration', () => {
    expect(() => new MatchingEngine({ topK: -1 })).toThrow(/topK/);
    expect(() => new MatchingEngine({ weights: { ...DEFAULT_WEIGHTS, equity: 0.5 } })).toThrow(/sum to 1/);
  });
});
