import type { OfferHistoryEntity } from './offer-history.entity';
import type { OfferHistoryEntryDto } from './offer-response.dto';

export function toHistoryEntry(h: OfferHistoryEntity): OfferHistoryEntryDto {
  return {
    id: h.id,
    action: h.action,
    version: h.version,
    actor: { sub: h.actorSub, role: h.actorRole },
    at: h.occurredAt.toISOString(),
    changes: h.changes,
    reason: h.reason,
    partnershipId: h.partnershipId,
    eventId: h.eventId,
  };
}
