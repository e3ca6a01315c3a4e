import type { AllocationProblem } from './allocation-problem';
import { countableAt, dominatorScores } from './dominance';
import { greedyPlan } from './greedy';
import type { MipModel } from './mip-model';

export interface StageResult {
  chosen: number[];
  optimal: boolean;
}

const minMilli = (problem: AllocationProblem, chosen: readonly number[]): number =>
  chosen.reduce((min, j) => Math.min(min, problem.columns[j].milli), Infinity);

/**
 * The fair objective as the contract orders it, one solve per level, each fixing the level the
 * previous one reached: (1) priority requests served, (2) requests served, (3) the lowest score
 * among them, (4) the sum of scores. Reductions that keep every level exact:
 * - levels 1 and 2 count requests, so they are one solve of an exact weighted objective (see
 *   below), and dominated suggestions (dominance.ts) are left out;
 * - stage 3 is a search over the scores that occur: "can levels 1 and 2 still be met using only
 *   suggestions scoring at least t?" is a feasibility question, answered mostly by the LP
 *   relaxation warm from the previous probe's basis (milliseconds); a feasible answer's own
 *   lowest score moves the search past it;
 * - stage 4 leaves out every suggestion below the lowest score reached.
 * Each stage starts from the previous stage's solution, which stays feasible under the new
 * fixing. `onBest` hears each stage's solution, so a caller cut short still has a plan.
 */
export function solveFair(model: MipModel, problem: AllocationProblem, onBest: (chosen: number[]) => void): StageResult {
  const cols = problem.columns;
  const dominators = dominatorScores(problem);
  const lowest = cols.reduce((min, c) => Math.min(min, c.milli), Infinity);
  const counting = countableAt(problem, dominators, lowest);
  let optimal = true;
  const stage = (start: number[]): number[] => {
    const outcome = model.run(start);
    optimal &&= outcome.proven;
    const chosen = outcome.chosen ?? start;
    onBest(chosen);
    return chosen;
  };

  // Levels 1 and 2 in one solve: priority served weighs one more than the most requests that
  // could be served, so for whole counts this objective orders plans exactly as "priority
  // served, then served" does, and a cold start is paid once instead of twice.
  const weight = problem.requests.length + 1;
  model.setCosts((j) => (cols[j].priority ? weight : 1));
  model.allow(counting);
  const second = stage(greedyPlan(problem, counting));
  const priorityLevel = second.filter((j) => cols[j].priority).length;
  const servedLevel = second.length;
  if (servedLevel === 0) return { chosen: second, optimal };

  // Probes keep the total as their cost: any vertex answers "feasible?", and a good one warms stage 4.
  model.setCosts((j) => cols[j].milli);
  model.requireLevels(priorityLevel, servedLevel);
  let third = second;
  const levels = [...new Set(cols.map((c) => c.milli))].sort((a, b) => a - b);
  let low = levels.findIndex((m) => m > minMilli(problem, third));
  let high = levels.length - 1;
  while (low >= 0 && low <= high) {
    const mid = (low + high) >> 1;
    model.allow(countableAt(problem, dominators, levels[mid]));
    const outcome = model.run(null, true);
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
