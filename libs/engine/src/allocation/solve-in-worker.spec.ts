import { solveAllocation, solveInWorker, type AllocationInput } from './index';

const input: AllocationInput = {
  requests: [{ id: 'r1', priority: false }, { id: 'r2', priority: true }],
  suggestions: [
    { id: 'a', requestId: 'r1', offerIds: ['o1'], score: 0.9 },
    { id: 'b', requestId: 'r1', offerIds: ['o2'], score: 0.4 },
    { id: 'c', requestId: 'r2', offerIds: ['o1'], score: 0.5 },
  ],
  freeSlots: { o1: 1, o2: 1 },
};

describe('solving in a worker thread', () => {
  it('answers the same plan as solving on this thread', async () => {
    const options = { objective: 'fair' as const, timeLimitMs: 10_000 };
    const [inWorker, here] = await Promise.all([solveInWorker(input, options), solveAllocation(input, options)]);
    expect({ ...inWorker, solveMs: 0 }).toEqual({ ...here, solveMs: 0 });
    expect(inWorker.items.map((i) => i.suggestionId)).toEqual(['c', 'b']);
  });

  it('with no time left returns the greedy plan, marked not optimal', async () => {
    const plan = await solveInWorker(input, { objective: 'total', timeLimitMs: 0 });
    expect(plan.optimal).toBe(false);
    expect(plan.items.map((i) => i.suggestionId)).toEqual(['a']);
    expect(plan.stats).toMatchObject({ served: 1, totalScore: 0.9, greedy: { served: 1, totalScore: 0.9 } });
  });
});
