import type { Weights } from './scoring/weights';

export const DEFAULT_TOP_K = 5;

/** Options shared by the fast path (MatchingEngine) and the reference (bruteForceMatch). */
export interface MatchOptions {
  /** Suggestions kept per request (contract: MATCH_TOP_K, default 5). */
  readonly topK?: number;
  readonly weights?: Weights;
}
