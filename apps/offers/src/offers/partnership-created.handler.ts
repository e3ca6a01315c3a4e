import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent, OutboxService } from '@capmatch/platform';
import type { EntityManager } from 'typeorm';
import { MATCHING_ACTOR, recordHistory } from './history-entry';
import { diffOffers } from './offer-diff';
import { OfferAllocationEntity } from './offer-allocation.entity';
import { allocateSlot } from './offer-slots';
import { lockOffer, providerOf } from './offer-store';
import { toOfferSnapshot } from './offer-snapshot';
import { OfferEntity } from './offer.entity';

/**
 * A partnership uses one slot of every offer in it. The platform's inbox drops a redelivered
 * event; the allocation table also drops the same partnership re-sent under a new event id.
 */
@Injectable()
export class PartnershipCreatedHandler {
  private readonly logger = new Logger(PartnershipCreatedHandler.name);

  constructor(private readonly outbox: OutboxService) {}

  @HandlesEvent('partnership.created')
  async handle(event: EventEnvelope<'partnership.created'>, manager: EntityManager): Promise<void> {
    // Sorted so two partnerships sharing offers lock them in the same order and cannot deadlock.
    const offerIds = [...new Set(event.payload.offerIds.map((id) => id.toLowerCase()))].sort();
    for (const offerId of offerIds) await this.takeSlot(manager, offerId, event);
  }

  private async takeSlot(manager: EntityManager, offerId: string, event: EventEnvelope<'partnership.created'>): Promise<void> {
    const partnershipId = event.payload.id;
    const offer = await lockOffer(manager, offerId);
    if (!offer) {
      this.logger.warn({ offerId, partnershipId, eventId: event.id }, 'partnership names an unknown offer; skipped');
      return;
    }
    const now = new Date();
    const allocations = manager.connection.getMetadata(OfferAllocationEntity).tablePath;
    const recorded: unknown[] = await manager.query(
      `INSERT INTO ${allocations} (offer_id, partnership_id, event_id, applied, created_at) VALUES ($1, $2, $3, false, $4)
       ON CONFLICT DO NOTHING RETURNING offer_id`,
      [offerId, partnershipId, event.id, now],
    );
    if (recorded.length === 0) {
      this.logger.log({ offerId, partnershipId, eventId: event.id }, 'partnership already counted for this offer; skipped');
      return;
    }
    const provider = await providerOf(manager, offer);
    const before = toOfferSnapshot(offer, provider);
    const next = allocateSlot(offer);
    const common = { offerId, actor: MATCHING_ACTOR, at: now, partnershipId, eventId: event.id };
    if (!next) {
      this.logger.warn({ offerId, partnershipId }, 'partnership found no slot left on the offer; nothing changed');
      await recordHistory(manager, {
        ...common,
        version: offer.version,
        action: 'allocation-refused',
        changes: [],
        reason: `partnership ${partnershipId}: no slot left`,
      });
      return;
    }
    Object.assign(offer, next, { version: offer.version + 1, updatedAt: now });
    await manager.save(OfferEntity, offer);
    await manager.update(OfferAllocationEntity, { offerId, partnershipId }, { applied: true });
    const after = toOfferSnapshot(offer, provider);
    await recordHistory(manager, {
      ...common,
      version: offer.version,
      action: 'slot-allocated',
      changes: diffOffers(before, after),
      reason: `partnership ${partnershipId} created`,
    });
    await this.outbox.add(manager, { type: 'offer.updated', aggregateId: offer.id, version: offer.version, payload: after });
    this.logger.log({ offerId, partnershipId, remainingSlots: offer.remainingSlots, status: offer.status }, 'slot allocated');
  }
}
