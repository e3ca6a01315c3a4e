import { buildProblem } from './allocation-problem';
import type { AllocationInput, AllocationObjective, PlanFigures } from './allocation-types';
import { fairKey, figuresOf } from './plan-figures';

const better = (objective: AllocationObjective, a: PlanFigures, b: PlanFigures): boolean => {
  if (objective === 'total') return a.totalScore > b.totalScore + 1e-9;
  const ka = fairKey(a);
  const kb = fairKey(b);
  for (let i = 0; i < ka.length; i++) if (Math.abs(ka[i] - kb[i]) > 1e-9) return ka[i] > kb[i];
  return false;
};

/**
 * The reference for small worlds: every assignment (each request takes none or one of its
 * suggestions) that fits the free slots, and the figures of the best under the objective.
 * Exponential; tests keep worlds to a few requests.
 */
export function bruteForceAllocation(input: AllocationInput, objective: AllocationObjective): PlanFigures {
  const problem = buildProblem(input);
  const left = [...problem.capacity];
  const chosen: number[] = [];
  let best = figuresOf(problem, []);
  const visit = (request: number): void => {
    if (request === problem.requests.length) {
      const figures = figuresOf(problem, chosen);
      if (better(objective, figures, best)) best = figures;
      return;
    }
    visit(request + 1);
    for (const j of problem.columnsOf[request]) {
      const offers = problem.columns[j].offers;
      if (!offers.every((o) => left[o] > 0)) continue;
      for (const o of offers) left[o] -= 1;
      chosen.push(j);
      visit(request + 1);
      chosen.pop();
      for (const o of offers) left[o] += 1;
    }
  };
  visit(0);
  return best;
}
