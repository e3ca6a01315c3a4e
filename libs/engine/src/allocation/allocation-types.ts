// Plain shapes in and out of the allocation solver; structured-clone safe, so they cross the
// worker-thread boundary unchanged.

/** `total`: the largest sum of scores. `fair`: priority requests served, then requests served, then the lowest score, then the sum. */
export type AllocationObjective = 'total' | 'fair';

export const ALLOCATION_OBJECTIVES: readonly AllocationObjective[] = ['total', 'fair'];

export interface AllocationRequest {
  id: string;
  /** The requesting country is an LDC (smooth transition included), an LLDC or a SIDS. */
  priority: boolean;
}

export interface AllocationSuggestion {
  id: string;
  requestId: string;
  /** One offer, or the provider and the facilitator offer of a triangular suggestion. */
  offerIds: readonly string[];
  /** 0–1 on the engine's 0.001 grid. */
  score: number;
}

export interface AllocationInput {
  requests: readonly AllocationRequest[];
  suggestions: readonly AllocationSuggestion[];
  /** Free slots per offer id; an offer missing here has none. */
  freeSlots: Readonly<Record<string, number>>;
  /** Suggestions scoring below this take no part. */
  minScore?: number;
}

export interface AllocationOptions {
  objective: AllocationObjective;
  /** Wall-clock budget for the whole solve; past it the best plan found so far is returned. */
  timeLimitMs: number;
}

export interface PlanFigures {
  served: number;
  /** Requests served whose country is an LDC, an LLDC or a SIDS. */
  servedPriority: number;
  totalScore: number;
  /** The lowest score among the requests served; null when none is. */
  minScore: number | null;
}

export type UnassignedReason =
  /** The request has no proposed suggestion. */
  | 'no-suggestion'
  /** Every proposed suggestion scores below minScore. */
  | 'below-min-score'
  /** Every suggestion holds an offer with no free slot. */
  | 'no-free-slot'
  /** Its suggestions' slots serve other requests under the objective. */
  | 'slots-taken';

export interface PlanItem {
  requestId: string;
  suggestionId: string;
  score: number;
}

export interface AllocationPlan {
  items: PlanItem[];
  unassigned: Array<{ requestId: string; reason: UnassignedReason }>;
  stats: PlanFigures & { greedy: PlanFigures };
  /** Every stage of the objective was proven optimal by the solver within the time limit. */
  optimal: boolean;
  solveMs: number;
}
