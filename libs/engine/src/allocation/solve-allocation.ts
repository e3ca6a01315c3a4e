import { performance } from 'node:perf_hooks';
import { buildProblem, type AllocationProblem } from './allocation-problem';
import type { AllocationInput, AllocationOptions, AllocationPlan } from './allocation-types';
import { solveFair } from './fair-stages';
import { greedyPlan } from './greedy';
import { highsRuntime, MipModel } from './mip-model';
import { planResult } from './plan-result';

/** Hears the best plan found so far (suggestion ids), after each stage. */
export type ProgressListener = (suggestionIds: string[]) => void;

/**
 * Computes an allocation plan with HiGHS: at most one suggestion per request, never more slots
 * of an offer than it has free. Runs synchronously once the solver is loaded, so call it in a
 * worker thread (solveInWorker) from a process that serves HTTP. Past the time limit the best
 * plan found so far is returned with optimal: false; the greedy plan is the floor.
 */
export async function solveAllocation(
  input: AllocationInput,
  options: AllocationOptions,
  onProgress: ProgressListener = () => undefined,
): Promise<AllocationPlan> {
  const started = performance.now();
  const deadline = Date.now() + options.timeLimitMs;
  const problem = buildProblem(input);
  const greedy = greedyPlan(problem);
  const { chosen, optimal } = problem.columns.length === 0
    ? { chosen: [], optimal: true }
    : await optimise(problem, options, deadline, greedy, (c) => onProgress(c.map((j) => problem.columns[j].suggestionId)));
  return planResult(input, problem, chosen, greedy, optimal, Math.round(performance.now() - started));
}

async function optimise(
  problem: AllocationProblem,
  options: AllocationOptions,
  deadline: number,
  greedy: number[],
  onBest: (chosen: number[]) => void,
): Promise<{ chosen: number[]; optimal: boolean }> {
  const model = new MipModel(await highsRuntime(), problem, deadline);
  try {
    if (options.objective === 'fair') return solveFair(model, problem, onBest);
    model.setCosts((j) => problem.columns[j].milli);
    const outcome = model.run(greedy);
    return { chosen: outcome.chosen ?? greedy, optimal: outcome.proven };
  } finally {
    model.dispose();
  }
}
