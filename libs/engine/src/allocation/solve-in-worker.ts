import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { buildProblem } from './allocation-problem';
import type { AllocationInput, AllocationOptions, AllocationPlan } from './allocation-types';
import { greedyPlan } from './greedy';
import { planResult } from './plan-result';

export type WorkerMessage =
  | { kind: 'progress'; suggestionIds: string[] }
  | { kind: 'plan'; plan: AllocationPlan }
  | { kind: 'failed'; message: string };

/** How long past its time limit a solve may run (HiGHS checks its clock between steps) before the worker is ended. */
const GRACE_MS = 5000;

/**
 * Runs solveAllocation in a worker thread, so the event loop of the calling process (its HTTP
 * server, its queue worker) never waits on the solver. A worker still busy GRACE_MS after the
 * time limit is terminated and the best plan it reported (else the greedy plan) is returned,
 * with optimal: false. From sources (tests, benchmarks) the worker compiles its TypeScript
 * with @swc-node/register; from the build it loads the compiled file.
 */
export function solveInWorker(input: AllocationInput, options: AllocationOptions): Promise<AllocationPlan> {
  const started = performance.now();
  const ext = extname(__filename);
  const entry = join(__dirname, `allocation.worker${ext}`);
  const workerData = { input, options };
  const worker = ext === '.ts'
    ? new Worker(`require(${JSON.stringify(require.resolve('@swc-node/register'))}); require(${JSON.stringify(entry)});`, { eval: true, workerData })
    : new Worker(entry, { workerData });
  let best: string[] | null = null;
  return new Promise<AllocationPlan>((resolve, reject) => {
    const finish = (outcome: () => void): void => {
      clearTimeout(guard);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const guard = setTimeout(
      () => finish(() => resolve(cutShort(input, best, Math.round(performance.now() - started)))),
      options.timeLimitMs + GRACE_MS,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') best = message.suggestionIds;
      else if (message.kind === 'plan') finish(() => resolve(message.plan));
      else finish(() => reject(new Error(`allocation solver failed: ${message.message}`)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`allocation worker exited with code ${code}`))));
  });
}

/** The plan from the last progress a terminated worker sent, or the greedy plan. */
function cutShort(input: AllocationInput, best: string[] | null, solveMs: number): AllocationPlan {
  const problem = buildProblem(input);
  const greedy = greedyPlan(problem);
  const position = new Map(problem.columns.map((c, j) => [c.suggestionId, j]));
  const chosen = best ? best.map((id) => position.get(id) as number) : greedy;
  return planResult(input, problem, chosen, greedy, false, solveMs);
}
