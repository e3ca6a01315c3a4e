import { solveAllocation, type AllocationInput, type AllocationPlan } from './index';

// Offers A and B have one slot each. The non-priority requests N1 and N2 score best on them
// (0.9) and have a weaker alternative (C, D at 0.5); the LDC requests L1 and L2 fit only A and
// only B. Greedy hands A and B to N1 and N2 first and starves both LDC requests. E, one slot,
// fits the non-priority N3 well (0.95) and the SIDS request S poorly (0.3): total gives it to
// N3, fair to S. T is triangular (B's provider F plus facilitator G), for L2, scoring 0.62.
const world: AllocationInput = {
  requests: [
    { id: 'N1', priority: false }, { id: 'N2', priority: false }, { id: 'N3', priority: false },
    { id: 'L1', priority: true }, { id: 'L2', priority: true }, { id: 'S', priority: true },
    { id: 'X', priority: false },
  ],
  suggestions: [
    { id: 'n1-a', requestId: 'N1', offerIds: ['A'], score: 0.9 },
    { id: 'n1-c', requestId: 'N1', offerIds: ['C'], score: 0.5 },
    { id: 'n2-b', requestId: 'N2', offerIds: ['B'], score: 0.9 },
    { id: 'n2-d', requestId: 'N2', offerIds: ['D'], score: 0.5 },
    { id: 'n3-e', requestId: 'N3', offerIds: ['E'], score: 0.95 },
    { id: 'l1-a', requestId: 'L1', offerIds: ['A'], score: 0.6 },
    { id: 'l2-b', requestId: 'L2', offerIds: ['B'], score: 0.6 },
    { id: 'l2-fg', requestId: 'L2', offerIds: ['B', 'G'], score: 0.62 },
    { id: 's-e', requestId: 'S', offerIds: ['E'], score: 0.3 },
    { id: 'x-full', requestId: 'X', offerIds: ['H'], score: 0.8 },
  ],
  freeSlots: { A: 1, B: 1, C: 1, D: 1, E: 1, G: 1, H: 0 },
};

const chosen = (plan: AllocationPlan): Record<string, string> =>
  Object.fromEntries(plan.items.map((i) => [i.requestId, i.suggestionId]));

function slotsUsed(plan: AllocationPlan): Map<string, number> {
  const used = new Map<string, number>();
  for (const item of plan.items) {
    const s = world.suggestions.find((x) => x.id === item.suggestionId)!;
    for (const o of s.offerIds) used.set(o, (used.get(o) ?? 0) + 1);
  }
  return used;
}

describe('allocation plans in a scarce world', () => {
  it('greedy starves both LDC requests; the stats say so honestly', async () => {
    const plan = await solveAllocation(world, { objective: 'fair', timeLimitMs: 10_000 });
    // n3-e 0.95, n1-a 0.9, n2-b 0.9 take E, A, B; l2-fg and the rest find no slot.
    expect(plan.stats.greedy).toEqual({ served: 3, servedPriority: 0, totalScore: 2.75, minScore: 0.9 });
  });

  it('fair serves both LDC requests and the SIDS one, then as many as possible', async () => {
    const plan = await solveAllocation(world, { objective: 'fair', timeLimitMs: 10_000 });
    expect(chosen(plan)).toEqual({ N1: 'n1-c', N2: 'n2-d', L1: 'l1-a', L2: 'l2-fg', S: 's-e' });
    expect(plan.stats).toMatchObject({ served: 5, servedPriority: 3, minScore: 0.3, totalScore: 2.52 });
    expect(plan.optimal).toBe(true);
    expect(plan.unassigned).toEqual([{ requestId: 'N3', reason: 'slots-taken' }, { requestId: 'X', reason: 'no-free-slot' }]);
  });

  it('total maximises the sum of scores', async () => {
    const plan = await solveAllocation(world, { objective: 'total', timeLimitMs: 10_000 });
    // N3 takes E (0.95 over S's 0.3); the LDC requests still beat greedy: 0.5+0.5+0.6+0.62+0.95.
    expect(chosen(plan)).toEqual({ N1: 'n1-c', N2: 'n2-d', N3: 'n3-e', L1: 'l1-a', L2: 'l2-fg' });
    expect(plan.stats).toMatchObject({ served: 5, servedPriority: 2, totalScore: 3.17 });
    expect(plan.optimal).toBe(true);
  });

  it('never uses more slots than an offer has free', async () => {
    for (const objective of ['fair', 'total'] as const) {
      const plan = await solveAllocation(world, { objective, timeLimitMs: 10_000 });
      for (const [offer, used] of slotsUsed(plan)) expect(used).toBeLessThanOrEqual(world.freeSlots[offer]);
    }
  });

  it('cut short by the time limit, still answers a plan that fits, marked not optimal', async () => {
    for (const objective of ['fair', 'total'] as const) {
      const plan = await solveAllocation(world, { objective, timeLimitMs: 0 });
      expect(plan.optimal).toBe(false);
      expect(plan.stats).toEqual({ ...plan.stats.greedy, greedy: plan.stats.greedy });
      for (const [offer, used] of slotsUsed(plan)) expect(used).toBeLessThanOrEqual(world.freeSlots[offer]);
    }
  });

  it('names why a request is left out', async () => {
    const input = { ...world, requests: [...world.requests, { id: 'Q', priority: true }], minScore: 0.55 };
    const plan = await solveAllocation(input, { objective: 'fair', timeLimitMs: 10_000 });
    const reasons = Object.fromEntries(plan.unassigned.map((u) => [u.requestId, u.reason]));
    // Below 0.55 C and D drop out, so N1 and N2 lose A and B to the LDC requests.
    expect(reasons).toEqual({ N1: 'slots-taken', N2: 'slots-taken', S: 'below-min-score', Q: 'no-suggestion', X: 'no-free-slot' });
  });
});
