import loadHighs, { type Highs, type Model } from 'highs';
import type { AllocationProblem } from './allocation-problem';

let runtime: Promise<Highs> | undefined;
/** One WebAssembly runtime per thread, loaded on first use. */
export const highsRuntime = (): Promise<Highs> => (runtime ??= loadHighs());

export interface RunOutcome {
  /** Chosen column positions of the best solution found, or null when none was. */
  chosen: number[] | null;
  /** The solver proved it optimal (or proved the model infeasible: then chosen is null). */
  proven: boolean;
  infeasible: boolean;
}

/**
 * The assignment as a HiGHS model: one binary column per suggestion; a row per request with
 * two or more suggestions (at most one taken) and a row per offer that more suggestions hold
 * than it has free slots (at most its free slots); rows that could never bind are left out.
 * Two more rows, "priority served" and "served", start unbounded and take the levels the fair
 * objective fixes. Stages change costs, column bounds and those two rows, then run again.
 */
export class MipModel {
  private readonly model: Model;
  private readonly n: number;
  private readonly priorityRow: number;
  private readonly servedRow: number;

  constructor(private readonly highs: Highs, private readonly problem: AllocationProblem, private readonly deadline: number) {
    const { columns, capacity, columnsOf } = problem;
    this.n = columns.length;
    const holders = capacity.map(() => 0);
    for (const c of columns) for (const o of c.offers) holders[o] += 1;
    const requestRow = columnsOf.map(() => -1);
    const offerRow = capacity.map(() => -1);
    const rowUpper: number[] = [];
    columnsOf.forEach((cols, r) => { if (cols.length > 1) requestRow[r] = rowUpper.push(1) - 1; });
    capacity.forEach((free, o) => { if (holders[o] > free) offerRow[o] = rowUpper.push(free) - 1; });
    this.priorityRow = rowUpper.push(this.highs.infinity) - 1;
    this.servedRow = rowUpper.push(this.highs.infinity) - 1;
    const starts = [0];
    const indices: number[] = [];
    for (const c of columns) {
      const rows = [requestRow[c.request], ...c.offers.map((o) => offerRow[o])].filter((r) => r >= 0);
      if (c.priority) rows.push(this.priorityRow);
      rows.push(this.servedRow);
      indices.push(...rows.sort((a, b) => a - b));
      starts.push(indices.length);
    }
    this.model = highs.createModel({
      numCols: this.n,
      numRows: rowUpper.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(this.n),
      colLower: new Float64Array(this.n),
      colUpper: new Float64Array(this.n).fill(1),
      rowLower: new Float64Array(rowUpper.length).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: rowUpper.length, numCols: this.n, starts, indices, values: new Float64Array(indices.length).fill(1) },
      integrality: new Int32Array(this.n).fill(highs.constants.variableType.integer),
    });
    // Every objective here has integer coefficients on binaries, so its optimum is an integer:
    // an absolute gap under 1 is a proof of optimality, and no relative gap is accepted.
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.99 });
  }

  /** Objective coefficient of every column. */
  setCosts(cost: (j: number) => number): void {
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.n - 1 }, Float64Array.from({ length: this.n }, (_, j) => cost(j)));
  }

  /** Columns not allowed are fixed at 0. */
  allow(allowed: (j: number) => boolean): void {
    const upper = Float64Array.from({ length: this.n }, (_, j) => (allowed(j) ? 1 : 0));
    this.model.changeColsBounds({ kind: 'range', from: 0, to: this.n - 1 }, new Float64Array(this.n), upper);
  }

  /** At least this many priority requests served, and at least this many requests served. */
  requireLevels(priority: number, served: number): void {
    this.model.changeRowBounds(this.priorityRow, priority, this.highs.infinity);
    this.model.changeRowBounds(this.servedRow, served, this.highs.infinity);
  }

  /** Solves within what is left of the deadline, starting from a known feasible solution when given. */
  run(start: readonly number[] | null): RunOutcome {
    const left = (this.deadline - Date.now()) / 1000;
    if (left <= 0) return { chosen: null, proven: false, infeasible: false };
    this.model.clearSolver();
    this.model.zeroAllClocks();
    this.model.options.set({ time_limit: left });
    if (start) {
      const x = new Float64Array(this.n);
      for (const j of start) x[j] = 1;
      this.model.setSolution({ colValue: x });
    }
    const { modelStatus } = this.model.run();
    const status = this.highs.constants.modelStatus;
    if (modelStatus === status.infeasible) return { chosen: null, proven: true, infeasible: true };
    const feasible = Number(this.model.info.get('primal_solution_status')) === 2;
    const chosen: number[] = [];
    if (feasible) this.model.getSolution().colValue.forEach((v, j) => { if (v > 0.5) chosen.push(j); });
    return { chosen: feasible ? chosen : null, proven: modelStatus === status.optimal, infeasible: false };
  }

  dispose(): void {
    this.model.dispose();
  }
}
