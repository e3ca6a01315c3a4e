// Allocation plans: when slots are scarce, one assignment of suggestions to open requests
// (at most one per request, never more slots than an offer has free) under an objective,
// solved as an integer program with HiGHS (WebAssembly). Plain data in and out; no service
// code. Import as '@capmatch/engine/allocation'.
//
//   const plan = await solveInWorker(input, { objective: 'fair', timeLimitMs: 30_000 }); // off the event loop
//   const plan = await solveAllocation(input, options);   // on this thread (tests, the worker itself)
//   bruteForceAllocation(input, objective);               // the reference figures, small worlds only
export * from './allocation-types';
export { bruteForceAllocation } from './brute-force';
export { greedySuggestionIds } from './greedy';
export { solveAllocation, type ProgressListener } from './solve-allocation';
export { solveInWorker } from './solve-in-worker';
