import fc from 'fast-check';
import { bruteForceMatch } from '../reference/brute-force';
import { MatchingEngine } from '../matching-engine';
import { diverseTopK } from '../ranking/top-k';
import { offerArb, requestArb, weightsArb, worldArb, type World } from '../test/arbitraries';
import type { MatchOffer, Suggestion } from '../types';

// Offer churn as the matching service applies it (issue 16): after each change, only the
// requests requestsAffectedBy names and those holding the offer are ranked again; holders in
// full, the others from their current top K plus the offer's combinations that reach their
// K-th score (combinationsWith). After any sequence of changes every request must hold what a
// fresh full ranking gives.

const RUNS = 1500;
const NONE = new Set<string>();

const byRank = (a: Suggestion, b: Suggestion): number => (a.score !== b.score ? b.score - a.score : a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

function kthOf(list: readonly Suggestion[], k: number): number | undefined {
  if (list.length < k || new Set(list.map((s) => s.offerIds[0])).size < k) return undefined;
  return Math.min(...list.map((s) => s.score));
}

type Change = { kind: 'new'; offer: MatchOffer } | { kind: 'edit'; at: number; offer: MatchOffer } | { kind: 'withdraw'; at: number };

const changeArb = (i: number): fc.Arbitrary<Change> =>
  fc.oneof(
    offerArb(`n${i}`).map((offer): Change => ({ kind: 'new', offer })),
    fc.tuple(fc.nat(), offerArb('x')).map(([at, offer]): Change => ({ kind: 'edit', at, offer })),
    fc.nat().map((at): Change => ({ kind: 'withdraw', at })),
  );
// More offers and a short top K, so that most top Ks are full of distinct offers and bar a
// changed offer by their K-th score (the path that skips the full ranking).
const denseWorldArb: fc.Arbitrary<World> = fc
  .record({ requestCount: fc.integer({ min: 1, max: 3 }), offerCount: fc.integer({ min: 8, max: 30 }), topK: fc.integer({ min: 1, max: 3 }), weights: weightsArb })
  .chain(({ requestCount, offerCount, topK, weights }) =>
    fc.record({
      requests: fc.tuple(...Array.from({ length: requestCount }, (_, i) => requestArb(`r${i}`))),
      offers: fc.tuple(...Array.from({ length: offerCount }, (_, i) => offerArb(`o${i}`))),
    }).map(({ requests, offers }): World => ({ requests, offers, topK, weights, rejected: new Map() })),
  );

const changesArb = fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => changeArb(i))));

/** Applies one change to the engine and to `current` the way the service does; returns the offers now. */
function apply(engine: MatchingEngine, world: World, offers: MatchOffer[], current: Map<string, Suggestion[]>, change: Change): MatchOffer[] {
  let changed: MatchOffer;
  if (change.kind === 'new') changed = change.offer;
  else if (offers.length === 0) return offers;
  else {
    const before = offers[change.at % offers.length];
    changed = change.kind === 'edit' ? { ...change.offer, id: before.id, providerId: before.providerId } : { ...before, status: 'withdrawn' };
  }
  const next = [...offers.filter((o) => o.id !== changed.id), changed];
  const kth = new Map<string, number>();
  for (const [id, list] of current) {
    const k = kthOf(list, world.topK);
    if (k !== undefined) kth.set(id, k);
  }
  engine.upsertOffer(changed);
  const named = new Set(engine.requestsAffectedBy(changed, world.requests, kth));
  for (const request of world.requests) {
    const rejected = world.rejected.get(request.id) ?? NONE;
    const list = current.get(request.id) ?? [];
    if (list.some((s) => s.offerIds.includes(changed.id))) current.set(request.id, engine.matchRequest(request, rejected));
    else if (named.has(request.id)) {
      const k = kth.get(request.id);
      if (k === undefined) current.set(request.id, engine.matchRequest(request, rejected));
      else {
        const entering = engine.combinationsWith(request, changed, k, rejected);
        current.set(request.id, diverseTopK([...list, ...entering].sort(byRank), world.topK, (s) => s.offerIds[0]));
      }
    }
  }
  return next;
}

describe('offer churn from the current top K', () => {
  it('after any sequence of offer changes, equals a fresh full ranking (and brute force)', () => {
    fc.assert(
      fc.property(fc.oneof(worldArb, denseWorldArb), changesArb, (world, changes) => {
        const engine = new MatchingEngine({ topK: world.topK, weights: world.weights });
        for (const o of world.offers) engine.upsertOffer(o);
        const current = engine.matchAll(world.requests, world.rejected);
        let offers = world.offers;
        for (const change of changes) offers = apply(engine, world, offers, current, change);
        const fresh = new MatchingEngine({ topK: world.topK, weights: world.weights });
        for (const o of offers) fresh.upsertOffer(o);
        expect(current).toEqual(fresh.matchAll(world.requests, world.rejected));
        for (const r of world.requests) {
          expect(current.get(r.id)).toEqual(bruteForceMatch(r, offers, world.rejected.get(r.id) ?? NONE, world));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('names no request that a new facilitator or southern provider offer cannot enter', () => {
    fc.assert(
      fc.property(worldArb, offerArb('new'), (world, added) => {
        const engine = new MatchingEngine({ topK: world.topK, weights: world.weights });
        for (const o of world.offers) engine.upsertOffer(o);
        const before = engine.matchAll(world.requests, world.rejected);
        const kth = new Map<string, number>();
        for (const [id, list] of before) {
          const k = kthOf(list, world.topK);
          if (k !== undefined) kth.set(id, k);
        }
        engine.upsertOffer(added);
        const named = new Set(engine.requestsAffectedBy(added, world.requests, kth));
        for (const r of world.requests) {
          const k = kth.get(r.id);
          if (!named.has(r.id) || k === undefined) continue;
          // Named against a bar: some combination holding the offer reaches it, pair rules and
          // rejections aside (those only remove combinations).
          expect(engine.combinationsWith(r, added, k, NONE).length).toBeGreaterThan(0);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
