import type { SuggestionSnapshot } from '@capmatch/contracts';
import type { SuggestionEntity } from '../store/suggestion.entity';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/** The contract's suggestion (GET /v1/suggestions/{id}); the event payload adds `country`. */
export function toSuggestionView(s: SuggestionEntity): Omit<SuggestionSnapshot, 'country'> {
  return {
    id: s.id,
    requestId: s.requestId,
    offerIds: s.offerIds,
    cooperationType: s.cooperationType,
    score: Number(s.score),
    explanation: s.explanation,
    status: s.status,
    createdAt: iso(s.createdAt) as string,
    decidedAt: iso(s.decidedAt),
    decidedBy: s.decidedBy,
    reason: s.reason,
  };
}

export function toSuggestionSnapshot(s: SuggestionEntity): SuggestionSnapshot {
  return { ...toSuggestionView(s), country: s.country };
}
