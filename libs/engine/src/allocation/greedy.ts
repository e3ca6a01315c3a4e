import { buildProblem, type AllocationProblem } from './allocation-problem';
import type { AllocationInput } from './allocation-types';

/**
 * What accepting suggestions one by one gives: every suggestion in score order, taken when its
 * request is still unserved and each of its offers still has a free slot. A request whose best
 * suggestion lost its slot falls back to its next one, as the live service re-matches it, so
 * the baseline is the greedy order at its best, not a strawman. Returns column positions.
 */
export function greedyPlan(problem: AllocationProblem, allowed: (j: number) => boolean = () => true): number[] {
  const left = [...problem.capacity];
  const served = new Set<number>();
  const chosen: number[] = [];
  problem.columns.forEach((c, j) => {
    if (served.has(c.request) || !allowed(j) || !c.offers.every((o) => left[o] > 0)) return;
    served.add(c.request);
    for (const o of c.offers) left[o] -= 1;
    chosen.push(j);
  });
  return chosen;
}

/** The greedy order's plan as suggestion ids, for reports that break its figures down further. */
export function greedySuggestionIds(input: AllocationInput): string[] {
  const problem = buildProblem(input);
  return greedyPlan(problem).map((j) => problem.columns[j].suggestionId);
}
