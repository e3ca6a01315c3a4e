// Worker-thread entry: solves one allocation and posts progress, then the plan (solve-in-worker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { AllocationInput, AllocationOptions } from './allocation-types';
import { solveAllocation } from './solve-allocation';
import type { WorkerMessage } from './solve-in-worker';

const { input, options } = workerData as { input: AllocationInput; options: AllocationOptions };
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

solveAllocation(input, options, (suggestionIds) => post({ kind: 'progress', suggestionIds }))
  .then((plan) => post({ kind: 'plan', plan }))
  .catch((error: unknown) => post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }));
