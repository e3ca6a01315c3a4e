import fc from 'fast-check';
import { bruteForceAllocation, solveAllocation, type AllocationInput, type AllocationObjective } from './index';

const OFFERS = ['o1', 'o2', 'o3', 'o4'];

/** Up to 6 requests with up to 3 suggestions each over 4 offers of 0–2 free slots; coarse scores make ties common. */
const worlds: fc.Arbitrary<AllocationInput> = fc
  .record({
    slots: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: OFFERS.length, maxLength: OFFERS.length }),
    requests: fc.array(
      fc.record({
        priority: fc.boolean(),
        suggestions: fc.array(
          fc.record({
            offers: fc.uniqueArray(fc.constantFrom(...OFFERS), { minLength: 1, maxLength: 2 }),
            score: fc.oneof(fc.integer({ min: 0, max: 10 }).map((n) => n / 10), fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000)),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    minScore: fc.option(fc.integer({ min: 0, max: 10 }).map((n) => n / 10), { nil: undefined }),
  })
  .map(({ slots, requests, minScore }) => ({
    requests: requests.map((r, i) => ({ id: `r${i}`, priority: r.priority })),
    suggestions: requests.flatMap((r, i) =>
      r.suggestions.map((s, k) => ({ id: `s${i}-${k}`, requestId: `r${i}`, offerIds: s.offers, score: s.score }))),
    freeSlots: Object.fromEntries(OFFERS.map((o, i) => [o, slots[i]])),
    minScore,
  }));

describe('allocation plans against brute-force enumeration', () => {
  it.each<AllocationObjective>(['fair', 'total'])('%s: the same optimal objective values', async (objective) => {
    await fc.assert(
      fc.asyncProperty(worlds, async (input) => {
        const plan = await solveAllocation(input, { objective, timeLimitMs: 10_000 });
        const reference = bruteForceAllocation(input, objective);
        expect(plan.optimal).toBe(true);
        const { greedy, ...figures } = plan.stats;
        if (objective === 'fair') expect(figures).toEqual(reference);
        else expect(figures.totalScore).toBeCloseTo(reference.totalScore, 9);
        if (objective === 'total') expect(greedy.totalScore).toBeLessThanOrEqual(figures.totalScore + 1e-9);
        else expect(greedy.servedPriority).toBeLessThanOrEqual(figures.servedPriority);
      }),
      { numRuns: 300 },
    );
  });

  it('solves a world whose LP relaxation is fractional (branch and bound) to the brute-force optimum', async () => {
    // Three triangular suggestions around a cycle of one-slot offers: the relaxation takes half
    // of each (1.5 requests), the integer optimum serves one.
    const input: AllocationInput = {
      requests: [{ id: 'r1', priority: true }, { id: 'r2', priority: false }, { id: 'r3', priority: true }],
      suggestions: [
        { id: 'ab', requestId: 'r1', offerIds: ['A', 'B'], score: 0.7 },
        { id: 'bc', requestId: 'r2', offerIds: ['B', 'C'], score: 0.9 },
        { id: 'ca', requestId: 'r3', offerIds: ['C', 'A'], score: 0.8 },
      ],
      freeSlots: { A: 1, B: 1, C: 1 },
    };
    for (const objective of ['fair', 'total'] as const) {
      const plan = await solveAllocation(input, { objective, timeLimitMs: 10_000 });
      expect(plan.optimal).toBe(true);
      const { greedy, ...figures } = plan.stats;
      expect(figures).toEqual(bruteForceAllocation(input, objective));
    }
    expect((await solveAllocation(input, { objective: 'fair', timeLimitMs: 10_000 })).items.map((i) => i.suggestionId)).toEqual(['ca']);
  });
});
