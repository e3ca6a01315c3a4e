import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { OutboxService } from '@capmatch/platform';
import { MATCHING_ACTOR, recordHistory } from '../offers/history-entry';
import { OfferAllocationEntity } from '../offers/offer-allocation.entity';
import { OfferHistoryEntity } from '../offers/offer-history.entity';
import { allocateSlot, releaseSlot } from '../offers/offer-slots';
import { lockOffer } from '../offers/offer-store';
import type { OfferEntity } from '../offers/offer.entity';
import { commitSlotChange } from './slot-change';

type Proposed = EventEnvelope<'partnership.proposed'>;

/**
 * The offers service's part of the partnership saga: this service owns the slots, so its count
 * is the authority (`remainingSlots` = `slots` − pending − agreed partnerships).
 *
 * On a proposal, every offer of the partnership is row-locked (in id order, so two proposals
 * sharing offers cannot deadlock) and either all get one slot reserved, in one transaction, or
 * none does and the proposal is refused naming the offer. On an ending, every slot still
 * reserved for the partnership is released. Both are idempotent by state: the allocation rows
 * record that a proposal was judged and that a slot was given back, whatever the event id.
 */
@Injectable()
export class ReservationService {
  private readonly logger = new Logger(ReservationService.name);

  constructor(private readonly outbox: OutboxService) {}

  async reserve(manager: EntityManager, event: Proposed): Promise<void> {
    const p = event.payload;
    const offerIds = [...new Set(p.offerIds.map((id) => id.toLowerCase()))].sort();
    if (await manager.existsBy(OfferAllocationEntity, { partnershipId: p.id })) {
      return this.logger.log({ partnershipId: p.id }, 'proposal already judged; nothing to do');
    }
    const offers: OfferEntity[] = [];
    for (const id of offerIds) {
      const offer = await lockOffer(manager, id);
      const refusal = !offer ? 'offer-unknown' : offer.status === 'withdrawn' ? 'offer-withdrawn' : offer.remainingSlots <= 0 ? 'no-slot-left' : null;
      if (refusal) return this.refuse(manager, event, id, refusal, offer);
      offers.push(offer as OfferEntity);
    }
    const now = new Date();
    for (const offer of offers) {
      await manager.insert(OfferAllocationEntity, { offerId: offer.id, partnershipId: p.id, eventId: event.id, applied: true, createdAt: now, releasedAt: null });
      await commitSlotChange(manager, this.outbox, offer, allocateSlot(offer) ?? offer, {
        action: 'slot-reserved',
        partnershipId: p.id,
        reason: `slot reserved for pending partnership ${p.id}`,
        eventId: event.id,
      });
    }
    await this.outbox.add(manager, {
      type: 'reservation.made',
      aggregateId: p.id,
      version: 1,
      payload: { partnershipId: p.id, requestId: p.requestId, offerIds: p.offerIds },
    });
    this.logger.log({ partnershipId: p.id, offerIds }, 'slots reserved');
  }

  async release(manager: EntityManager, event: EventEnvelope<'partnership.ended'>): Promise<void> {
    const p = event.payload;
    const held = await manager.find(OfferAllocationEntity, { where: { partnershipId: p.id, applied: true }, order: { offerId: 'ASC' } });
    for (const allocation of held.filter((a) => a.releasedAt === null)) {
      const offer = await lockOffer(manager, allocation.offerId);
      if (!offer) continue;
      await commitSlotChange(manager, this.outbox, offer, releaseSlot(offer), {
        action: 'slot-released',
        partnershipId: p.id,
        reason: `partnership ${p.id} ended ${p.status}${p.reason ? ` (${p.reason})` : ''}`,
        eventId: event.id,
      });
      await manager.update(OfferAllocationEntity, { offerId: offer.id, partnershipId: p.id }, { releasedAt: new Date() });
    }
  }

  /** Agreement takes no further slot: the reserved ones stay taken; the history says so. */
  async agreed(manager: EntityManager, event: EventEnvelope<'partnership.agreed'>): Promise<void> {
    const p = event.payload;
    const held = await manager.find(OfferAllocationEntity, { where: { partnershipId: p.id, applied: true } });
    for (const allocation of held.filter((a) => a.releasedAt === null)) {
      const offer = await lockOffer(manager, allocation.offerId);
      const noted = await manager.existsBy(OfferHistoryEntity, { offerId: allocation.offerId, partnershipId: p.id, action: 'partnership-agreed' });
      if (!offer || noted) continue;
      await recordHistory(manager, {
        offerId: offer.id, version: offer.version, action: 'partnership-agreed', actor: MATCHING_ACTOR, changes: [], at: new Date(),
        reason: `partnership ${p.id} agreed by the country and every provider; the slot stays taken`, partnershipId: p.id, eventId: event.id,
      });
    }
  }

  private async refuse(manager: EntityManager, event: Proposed, offerId: string, reason: string, offer: OfferEntity | null): Promise<void> {
    const p = event.payload;
    const now = new Date();
    if (offer) {
      // Recorded so that the same proposal is never judged twice.
      await manager.insert(OfferAllocationEntity, { offerId, partnershipId: p.id, eventId: event.id, applied: false, createdAt: now, releasedAt: null });
      await recordHistory(manager, {
        offerId, version: offer.version, action: 'reservation-refused', actor: MATCHING_ACTOR, changes: [], at: now,
        reason: `partnership ${p.id}: ${reason}`, partnershipId: p.id, eventId: event.id,
      });
    }
    await this.outbox.add(manager, {
      type: 'reservation.refused',
      aggregateId: p.id,
      version: 1,
      payload: { partnershipId: p.id, requestId: p.requestId, offerIds: p.offerIds, offerId, reason },
    });
    this.logger.warn({ partnershipId: p.id, offerId, reason }, 'reservation refused');
  }
}
