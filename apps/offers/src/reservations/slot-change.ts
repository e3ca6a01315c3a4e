import type { EntityManager } from 'typeorm';
import type { OutboxService } from '@capmatch/platform';
import { MATCHING_ACTOR, recordHistory } from '../offers/history-entry';
import type { HistoryAction } from '../offers/offer-history.entity';
import { diffOffers } from '../offers/offer-diff';
import type { SlotState } from '../offers/offer-slots';
import { providerOf } from '../offers/offer-store';
import { toOfferSnapshot } from '../offers/offer-snapshot';
import { OfferEntity } from '../offers/offer.entity';

/**
 * Applies a slot change a partnership step decided (reserve or release) to a locked offer: the
 * next version, its history entry naming the partnership and the step, and `offer.updated`.
 */
export async function commitSlotChange(
  manager: EntityManager,
  outbox: OutboxService,
  offer: OfferEntity,
  next: SlotState,
  step: { action: Extract<HistoryAction, 'slot-reserved' | 'slot-released'>; partnershipId: string; reason: string; eventId: string },
): Promise<void> {
  const provider = await providerOf(manager, offer);
  const before = toOfferSnapshot(offer, provider);
  const at = new Date();
  Object.assign(offer, next, { version: offer.version + 1, updatedAt: at });
  await manager.save(OfferEntity, offer);
  const after = toOfferSnapshot(offer, provider);
  await recordHistory(manager, {
    offerId: offer.id,
    version: offer.version,
    action: step.action,
    actor: MATCHING_ACTOR,
    changes: diffOffers(before, after),
    at,
    reason: step.reason,
    partnershipId: step.partnershipId,
    eventId: step.eventId,
  });
  await outbox.add(manager, { type: 'offer.updated', aggregateId: offer.id, version: offer.version, payload: after });
}
