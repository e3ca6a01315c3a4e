import type { AllocationInput, AllocationRequest } from './allocation-types';

/** One suggestion that may take part: its request, the offers it holds, its score in thousandths. */
export interface Column {
  suggestionId: string;
  request: number;
  offers: number[];
  /** The score × 1000, an integer: objectives on it are integral, so the solver closes gaps exactly. */
  milli: number;
  priority: boolean;
}

/** The suggestions that may take part, indexed: requests and offers by position. */
export interface AllocationProblem {
  requests: readonly AllocationRequest[];
  columns: Column[];
  /** Free slots per offer position. */
  capacity: number[];
  /** Column positions per request position. */
  columnsOf: number[][];
}

const toMilli = (score: number): number => Math.round(score * 1000);

/**
 * Keeps the suggestions of the given requests that reach minScore and whose every offer has a
 * free slot. Columns are ordered by score descending, then suggestion id, so every consumer
 * (greedy, model, brute force) sees the same order and breaks ties the same way.
 */
export function buildProblem(input: AllocationInput): AllocationProblem {
  const requestIndex = new Map(input.requests.map((r, i) => [r.id, i]));
  const offerIndex = new Map<string, number>();
  const capacity: number[] = [];
  const minMilli = input.minScore === undefined ? -Infinity : toMilli(input.minScore);
  const columns: Column[] = [];
  for (const s of input.suggestions) {
    const request = requestIndex.get(s.requestId);
    if (request === undefined || toMilli(s.score) < minMilli) continue;
    if (!s.offerIds.every((o) => (input.freeSlots[o] ?? 0) > 0)) continue;
    const offers = s.offerIds.map((o) => {
      let at = offerIndex.get(o);
      if (at === undefined) {
        at = capacity.push(input.freeSlots[o]) - 1;
        offerIndex.set(o, at);
      }
      return at;
    });
    columns.push({ suggestionId: s.id, request, offers, milli: toMilli(s.score), priority: input.requests[request].priority });
  }
  columns.sort((a, b) => b.milli - a.milli || (a.suggestionId < b.suggestionId ? -1 : a.suggestionId > b.suggestionId ? 1 : 0));
  const columnsOf: number[][] = input.requests.map(() => []);
  columns.forEach((c, j) => columnsOf[c.request].push(j));
  return { requests: input.requests, columns, capacity, columnsOf };
}

/** True when the chosen columns give each request at most one and each offer at most its free slots. */
export function fits(problem: AllocationProblem, chosen: readonly number[]): boolean {
  const used = problem.capacity.map(() => 0);
  const served = new Set<number>();
  for (const j of chosen) {
    const c = problem.columns[j];
    if (served.has(c.request)) return false;
    served.add(c.request);
    for (const o of c.offers) if (++used[o] > problem.capacity[o]) return false;
  }
  return true;
}
