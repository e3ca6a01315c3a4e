import type { AllocationProblem } from './allocation-problem';

/**
 * For counting objectives (requests served) a suggestion is no better than a sibling of the same
 * request that holds a strict subset of its offers (a triangular bundle beside its provider
 * offer alone): swapping one for the other serves the same request with fewer slots. For each
 * column this gives the best score of such a sibling in thousandths, or -Infinity when none.
 */
export function dominatorScores(problem: AllocationProblem): number[] {
  const { columns, columnsOf } = problem;
  return columns.map((c) => {
    let best = -Infinity;
    for (const k of columnsOf[c.request]) {
      const other = columns[k];
      if (other === c || other.offers.length >= c.offers.length) continue;
      if (other.offers.every((o) => c.offers.includes(o))) best = Math.max(best, other.milli);
    }
    return best;
  });
}

/** Columns that count when only suggestions scoring at least `milli` may be used: not dominated by one that may. */
export function countableAt(problem: AllocationProblem, dominators: readonly number[], milli: number): (j: number) => boolean {
  return (j) => problem.columns[j].milli >= milli && dominators[j] < milli;
}
