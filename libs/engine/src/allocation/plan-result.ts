import type { AllocationProblem } from './allocation-problem';
import type { AllocationInput, AllocationPlan, UnassignedReason } from './allocation-types';
import { figuresOf } from './plan-figures';

/** Why a request the plan leaves out is left out, from the input's point of view. */
function reasonFor(input: AllocationInput, problem: AllocationProblem, request: number): UnassignedReason {
  if (problem.columnsOf[request].length > 0) return 'slots-taken';
  const id = problem.requests[request].id;
  const own = input.suggestions.filter((s) => s.requestId === id);
  if (own.length === 0) return 'no-suggestion';
  const min = input.minScore;
  if (min !== undefined && own.every((s) => Math.round(s.score * 1000) < Math.round(min * 1000))) return 'below-min-score';
  return 'no-free-slot';
}

/** The plan's answer: items best first, every other request with its reason, figures beside the greedy ones. */
export function planResult(
  input: AllocationInput,
  problem: AllocationProblem,
  chosen: readonly number[],
  greedy: readonly number[],
  optimal: boolean,
  solveMs: number,
): AllocationPlan {
  const items = chosen
    .map((j) => problem.columns[j])
    .sort((a, b) => b.milli - a.milli || a.request - b.request)
    .map((c) => ({ requestId: problem.requests[c.request].id, suggestionId: c.suggestionId, score: c.milli / 1000 }));
  const served = new Set(chosen.map((j) => problem.columns[j].request));
  const unassigned = problem.requests
    .map((r, i) => ({ r, i }))
    .filter(({ i }) => !served.has(i))
    .map(({ r, i }) => ({ requestId: r.id, reason: reasonFor(input, problem, i) }));
  return { items, unassigned, stats: { ...figuresOf(problem, chosen), greedy: figuresOf(problem, greedy) }, optimal, solveMs };
}
