import type { LegacyPartnershipSnapshot, SuggestionSnapshot } from '@capmatch/contracts';
import type { PartnershipEntity } from '../partnerships/partnership.entity';
import type { SuggestionEntity } from './suggestion.entity';

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

export function toPartnershipView(p: PartnershipEntity): LegacyPartnershipSnapshot {
  return {
    id: p.id,
    suggestionId: p.suggestionId,
    requestId: p.requestId,
    offerIds: p.offerIds,
    country: p.country,
    cooperationType: p.cooperationType,
    createdAt: iso(p.createdAt) as string,
  };
}
