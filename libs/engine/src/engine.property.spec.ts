import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { bruteForceMatch } from './reference/brute-force';
import { explainExclusion } from './rules/hard-rules';
import { MatchingEngine } from './matching-engine';
import { offerArb, worldArb, type World } from './test/arbitraries';
import type { MatchOffer, Suggestion } from './types';

// The fast path (index + bounds) against the brute-force reference on thousands of small
// random worlds, plus the invariants every output must keep.

const RUNS = 2500;
const NONE = new Set<string>();

function engineFor(world: World, offers: readonly MatchOffer[] = world.offers): MatchingEngine {
  const engine = new MatchingEngine({ topK: world.topK, weights: world.weights });
  for (const o of offers) engine.upsertOffer(o);
  return engine;
}

const brute = (world: World, offers: readonly MatchOffer[] = world.offers) =>
  new Map(world.requests.map((r) => [r.id, bruteForceMatch(r, offers, world.rejected.get(r.id) ?? NONE, world)]));

describe('matching engine properties', () => {
  it('fast path gives exactly the brute-force top-K', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        expect(engineFor(world).matchAll(world.requests, world.rejected)).toEqual(brute(world));
      }),
      { numRuns: RUNS },
    );
  });

  it('still equals brute force after coordinators reject some of the top suggestions', () => {
    fc.assert(
      fc.property(worldArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), (world, drop) => {
        const rejected = new Map<string, Set<string>>();
        for (const [id, list] of brute(world)) rejected.set(id, new Set(list.filter((_, i) => drop[i]).map((s) => s.key)));
        const next = { ...world, rejected };
        expect(engineFor(next).matchAll(next.requests, rejected)).toEqual(brute(next));
      }),
      { numRuns: RUNS },
    );
  });

  it('never suggests a combination that fails a hard rule, and keeps outputs well-formed', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const byId = new Map(world.offers.map((o) => [o.id, o]));
        for (const request of world.requests) {
          const rejected = world.rejected.get(request.id) ?? NONE;
          const out: Suggestion[] = engineFor(world).matchRequest(request, rejected);
          expect(out.length).toBeLessThanOrEqual(world.topK);
          for (const s of out) {
            const offers = s.offerIds.map((id) => byId.get(id) as MatchOffer);
            expect(explainExclusion(request, offers, rejected)).toEqual([]);
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(1);
            expect(s.cooperationType === 'triangular').toBe(s.offerIds.length === 2);
          }
          // The diversity order: distinct provider offers first, each in ranking order, then the
          // other variants in ranking order, and those only while distinct offers leave room.
          const seen = new Set<string>();
          const firsts: Suggestion[] = [];
          const others: Suggestion[] = [];
          for (const s of out) {
            (seen.has(s.offerIds[0]) ? others : firsts).push(s);
            seen.add(s.offerIds[0]);
          }
          expect([...firsts, ...others]).toEqual(out);
          for (const part of [firsts, others]) {
            for (let i = 1; i < part.length; i++) {
              const [a, b] = [part[i - 1], part[i]];
              expect(a.score > b.score || (a.score === b.score && a.key < b.key)).toBe(true);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: same inputs in any insertion order give the same output', () => {
    fc.assert(
      fc.property(worldArb, (world) => {
        const first = engineFor(world).matchAll(world.requests, world.rejected);
        const reversed = engineFor(world, [...world.offers].reverse());
        expect(reversed.matchAll(world.requests, world.rejected)).toEqual(first);
        expect(reversed.matchAll(world.requests, world.rejected)).toEqual(first);
      }),
      { numRuns: RUNS },
    );
  });

  it('removing or closing an offer never leaves it in any output', () => {
    fc.assert(
      fc.property(worldArb, fc.nat(), fc.boolean(), (world, pick, close) => {
        fc.pre(world.offers.length > 0);
        const gone = world.offers[pick % world.offers.length];
        const engine = engineFor(world);
        const before = engine.matchAll(world.requests, world.rejected);
        if (close) engine.upsertOffer({ ...gone, status: 'exhausted', remainingSlots: 0 });
        else engine.removeOffer(gone.id);
        const after = engine.matchAll(world.requests, world.rejected);
        for (const list of after.values()) for (const s of list) expect(s.offerIds).not.toContain(gone.id);
        expect(after).toEqual(brute(world, world.offers.filter((o) => o !== gone)));
        // The service re-matches only the requests whose suggestions held the offer.
        for (const [id, list] of after) {
          if (!isDeepStrictEqual(list, before.get(id))) expect(before.get(id)?.some((s) => s.offerIds.includes(gone.id))).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('equals brute force after offers arrive or change once it has matched (new facilitator ids are ranked again)', () => {
    fc.assert(
      fc.property(worldArb, offerArb('late'), fc.nat(), (world, added, pick) => {
        const engine = engineFor(world);
        engine.matchAll(world.requests, world.rejected);
        const offers = [...world.offers, added];
        engine.upsertOffer(added);
        if (world.offers.length > 0) {
          const i = pick % world.offers.length;
          offers[i] = { ...world.offers[i], remainingSlots: world.offers[i].remainingSlots + 1 };
          engine.upsertOffer(offers[i]);
        }
        expect(engine.matchAll(world.requests, world.rejected)).toEqual(brute(world, offers));
      }),
      { numRuns: RUNS },
    );
  });

  it('an offer changed in place after matching gives what a fresh engine gives (cached facilitator look-ups are cleared)', () => {
    fc.assert(
      fc.property(worldArb, offerArb('changed'), fc.nat(), (world, changed, pick) => {
        fc.pre(world.offers.length > 0);
        const engine = engineFor(world);
        engine.matchAll(world.requests, world.rejected);
        // Same id, anything else new: role, languages, eligibility and window may all differ.
        const offers = [...world.offers];
        const i = pick % offers.length;
        offers[i] = { ...changed, id: offers[i].id };
        engine.upsertOffer(offers[i]);
        const after = engine.matchAll(world.requests, world.rejected);
        expect(after).toEqual(engineFor(world, offers).matchAll(world.requests, world.rejected));
        expect(after).toEqual(brute(world, offers));
      }),
      { numRuns: RUNS },
    );
  });

  it('a new offer changes only the top-K of requests that requestsAffectedBy names', () => {
    fc.assert(
      fc.property(worldArb, offerArb('new'), (world, added) => {
        const engine = engineFor(world);
        const before = engine.matchAll(world.requests, world.rejected);
        const kth = new Map<string, number>();
        // The K-th score bars a new offer only where the top-K holds K distinct provider offers.
        for (const [id, list] of before) {
          if (new Set(list.map((s) => s.offerIds[0])).size === world.topK) kth.set(id, list[list.length - 1].score);
        }
        const named = new Set(engine.requestsAffectedBy(added, world.requests, kth));
        engine.upsertOffer(added);
        for (const [id, list] of engine.matchAll(world.requests, world.rejected)) {
          // Entering, or displacing a variant of the same provider offer (a better bundle), or
          // pushing another out: any change must be named, not only an entry holding the offer.
          if (!isDeepStrictEqual(list, before.get(id))) expect(named.has(id)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
