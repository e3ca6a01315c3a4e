import loadHighs, { type Highs, type Model, type ModelData } from 'highs';
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

const MAX_INT = 2147483647;

/**
 * The assignment as a HiGHS model: one 0–1 column per suggestion; a row per request with two
 * or more suggestions (at most one taken) and a row per offer that more suggestions hold than
 * it has free slots (at most its free slots); rows that could never bind are left out. Two
 * more rows, "priority served" and "served", start unbounded and take the levels the fair
 * objective fixes. Stages change costs, column bounds and those two rows, then run again.
 *
 * The LP relaxation lives in its own model, so each run starts from the previous run's basis
 * (HiGHS keeps no basis for a model with integer columns): stages change only costs and
 * bounds, and a warm dual or primal simplex needs a fraction of a cold solve's iterations.
 * The integer model is built from the same data only when a relaxation's vertex is fractional.
 */
export class MipModel {
  private readonly data: ModelData & { colCost: Float64Array; colUpper: Float64Array; rowLower: Float64Array };
  private readonly lp: Model;
  private readonly n: number;
  private readonly priorityRow: number;
  private readonly servedRow: number;

  constructor(private readonly highs: Highs, problem: AllocationProblem, private readonly deadline: number) {
    const { columns, capacity, columnsOf } = problem;
    const n = (this.n = columns.length);
    const holders = capacity.map(() => 0);
    for (const c of columns) for (const o of c.offers) holders[o] += 1;
    const requestRow = columnsOf.map(() => -1);
    const offerRow = capacity.map(() => -1);
    const rowUpper: number[] = [];
    columnsOf.forEach((cols, r) => { if (cols.length > 1) requestRow[r] = rowUpper.push(1) - 1; });
    capacity.forEach((free, o) => { if (holders[o] > free) offerRow[o] = rowUpper.push(free) - 1; });
    this.priorityRow = rowUpper.push(highs.infinity) - 1;
    this.servedRow = rowUpper.push(highs.infinity) - 1;
    const starts = [0];
    const indices: number[] = [];
    for (const c of columns) {
      const rows = [requestRow[c.request], ...c.offers.map((o) => offerRow[o])].filter((r) => r >= 0);
      if (c.priority) rows.push(this.priorityRow);
      rows.push(this.servedRow);
      indices.push(...rows.sort((a, b) => a - b));
      starts.push(indices.length);
    }
    const m = rowUpper.length;
    this.data = {
      numCols: n,
      numRows: m,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(n),
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: new Float64Array(m).fill(-highs.infinity),
      rowUpper,
      matrix: { format: 'csc', numRows: m, numCols: n, starts, indices, values: new Float64Array(indices.length).fill(1) },
    };
    this.lp = highs.createModel(this.data);
    this.lp.options.set({ output_flag: false, solver: 'simplex', presolve: 'off' });
  }

  /** Objective coefficient of every column. */
  setCosts(cost: (j: number) => number): void {
    for (let j = 0; j < this.n; j++) this.data.colCost[j] = cost(j);
    this.lp.changeColsCost({ kind: 'range', from: 0, to: this.n - 1 }, this.data.colCost);
  }

  /** Columns not allowed are fixed at 0. */
  allow(allowed: (j: number) => boolean): void {
    for (let j = 0; j < this.n; j++) this.data.colUpper[j] = allowed(j) ? 1 : 0;
    this.lp.changeColsBounds({ kind: 'range', from: 0, to: this.n - 1 }, this.data.colLower, this.data.colUpper);
  }

  /** At least this many priority requests served, and at least this many requests served. */
  requireLevels(priority: number, served: number): void {
    this.data.rowLower[this.priorityRow] = priority;
    this.data.rowLower[this.servedRow] = served;
    this.lp.changeRowBounds(this.priorityRow, priority, this.highs.infinity);
    this.lp.changeRowBounds(this.servedRow, served, this.highs.infinity);
  }

  /**
   * Solves within what is left of the deadline. The model is a b-matching but for triangular
   * suggestions, so the relaxation's vertices are mostly integral, and an integral LP optimum
   * is the integer optimum, proven, without branch-and-bound. Otherwise the MIP runs, from the
   * given feasible solution when there is one; `anyFeasible` stops it at the first solution
   * (stage 3 only asks whether one exists).
   */
  run(start: readonly number[] | null, anyFeasible = false): RunOutcome {
    const status = this.highs.constants.modelStatus;
    const relaxed = this.solve(this.lp);
    if (relaxed === null) return { chosen: start ? [...start] : null, proven: false, infeasible: false };
    if (relaxed === status.infeasible) return { chosen: null, proven: true, infeasible: true };
    if (relaxed === status.optimal) {
      const x = this.lp.getSolution().colValue;
      if (x.every((v) => Math.abs(v - Math.round(v)) <= 1e-6)) return { chosen: ones(x), proven: true, infeasible: false };
    }
    return this.branchAndBound(start, anyFeasible);
  }

  private branchAndBound(start: readonly number[] | null, anyFeasible: boolean): RunOutcome {
    const status = this.highs.constants.modelStatus;
    const mip = this.highs.createModel({ ...this.data, integrality: new Int32Array(this.n).fill(this.highs.constants.variableType.integer) });
    try {
      // Every objective here has integer coefficients on 0–1 columns, so its optimum is an
      // integer: an absolute gap under 1 proves optimality, and no relative gap is accepted.
      mip.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.99, mip_max_improving_sols: anyFeasible ? 1 : MAX_INT });
      if (start) {
        const x = new Float64Array(this.n);
        for (const j of start) x[j] = 1;
        mip.setSolution({ colValue: x });
      }
      const outcome = this.solve(mip);
      if (outcome === status.infeasible) return { chosen: null, proven: true, infeasible: true };
      const feasible = outcome !== null && Number(mip.info.get('primal_solution_status')) === 2;
      if (!feasible) return { chosen: start ? [...start] : null, proven: false, infeasible: false };
      return { chosen: ones(mip.getSolution().colValue), proven: outcome === status.optimal || anyFeasible, infeasible: false };
    } finally {
      mip.dispose();
    }
  }

  /** One HiGHS run in the time left; null when none is left. */
  private solve(model: Model): number | null {
    const left = (this.deadline - Date.now()) / 1000;
    if (left <= 0) return null;
    model.zeroAllClocks();
    model.options.set({ time_limit: left });
    return model.run().modelStatus;
  }

  dispose(): void {
    this.lp.dispose();
  }
}

function ones(x: Float64Array): number[] {
  const chosen: number[] = [];
  x.forEach((v, j) => { if (v > 0.5) chosen.push(j); });
  return chosen;
}
