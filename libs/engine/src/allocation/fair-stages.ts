import type { AllocationProblem } from './allocation-problem';
import { countableAt, dominatorScores } from './dominance';
import { greedyPlan } from './greedy';
import type { MipModel } from './mip-model';

export interface StageResult {
  chosen: number[];
  optimal: boolean;
}

const minMilli = (problem: AllocationProblem, chosen: readonly number[]): number =>
  Math.min(...chosen.map((j) => problem.columns[j].milli));

/**
 * The fair objective as the contract orders it, one solve per level, each fixing the level the
 * previous one reached: (1) priority requests served, (2) requests served, (3) the lowest score
 * among them, (4) the sum of scores. Reductions that keep every level exact:
 * - stages 1 and 2 count requests, so dominated suggestions (dominance.ts) are left out, and
 *   stage 1 leaves out every suggestion of a non-priority request (it only takes slots);
 * - stage 3 is a search over the scores that occur: "can levels 1 and 2 still be met using only
 *   suggestions scoring at least t?" is a feasibility model (no objective), answered mostly by
 *   its LP relaxation; a feasible answer's own lowest score moves the search past it;
 * - stage 4 leaves out every suggestion below the lowest score reached.
 * Each stage starts from the previous stage's solution, which stays feasible under the new
 * fixing. `onBest` hears each stage's solution, so a caller cut short still has a plan.
 */
export function solveFair(model: MipModel, problem: AllocationProblem, onBest: (chosen: number[]) => void): StageResult {
  const cols = problem.columns;
  const dominators = dominatorScores(problem);
  const lowest = Math.min(...cols.map((c) => c.milli));
  const counting = countableAt(problem, dominators, lowest);
  let optimal = true;
  const stage = (start: number[]): number[] => {
    const outcome = model.run(start);
    optimal &&= outcome.proven;
    const chosen = outcome.chosen ?? start;
    onBest(chosen);
    return chosen;
  };

  const priorityOnly = (j: number): boolean => cols[j].priority && counting(j);
  model.setCosts((j) => (cols[j].priority ? 1 : 0));
  model.allow(priorityOnly);
  const first = stage(greedyPlan(problem, priorityOnly));
  const priorityLevel = first.length;

  model.setCosts(() => 1);
  model.allow(counting);
  model.requireLevels(priorityLevel, 0);
  const second = stage(first);
  const servedLevel = second.length;
  if (servedLevel === 0) return { chosen: second, optimal };

  model.setCosts(() => 0);
  model.requireLevels(priorityLevel, servedLevel);
  let third = second;
  const levels = [...new Set(cols.map((c) => c.milli))].sort((a, b) => a - b);
  let low = levels.findIndex((m) => m > minMilli(problem, third));
  let high = levels.length - 1;
  while (low >= 0 && low <= high) {
    const mid = (low + high) >> 1;
    model.allow(countableAt(problem, dominators, levels[mid]));
    const outcome = model.run(null);
    if (outcome.chosen) {
      third = outcome.chosen;
      onBest(third);
      const reached = minMilli(problem, third);
      low = levels.findIndex((m) => m > reached);
    } else if (outcome.infeasible) {
      high = mid - 1;
    } else {
      optimal = false;
      break;
    }
  }

  const floor = minMilli(problem, third);
  model.setCosts((j) => cols[j].milli);
  model.allow((j) => cols[j].milli >= floor);
  return { chosen: stage(third), optimal };
}
