import type { AllocationProblem } from './allocation-problem';
import type { PlanFigures } from './allocation-types';

/** The figures of a set of chosen columns, summed in thousandths so the total carries no float noise. */
export function figuresOf(problem: AllocationProblem, chosen: readonly number[]): PlanFigures {
  let servedPriority = 0;
  let milli = 0;
  let min = Infinity;
  for (const j of chosen) {
    const c = problem.columns[j];
    if (c.priority) servedPriority += 1;
    milli += c.milli;
    min = Math.min(min, c.milli);
  }
  return { served: chosen.length, servedPriority, totalScore: milli / 1000, minScore: chosen.length ? min / 1000 : null };
}

/** Figures as the fair objective compares them: priority served, served, lowest score, total. */
export function fairKey(f: PlanFigures): [number, number, number, number] {
  return [f.servedPriority, f.served, f.minScore ?? 0, f.totalScore];
}
