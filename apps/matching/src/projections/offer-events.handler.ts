import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { OfferProjector } from './offer-projector.service';

/**
 * offer.* events: the payload is the full offer, so all three are one projection step. They
 * run in a lane of their own (one batch at a time): their ranking steps take the offer lane
 * lock one batch at a time anyway (match-locks.ts), and waiting batches of offer events would
 * otherwise hold the transaction slots that request events need.
 */
@Injectable()
export class OfferEventsHandler {
  constructor(private readonly projector: OfferProjector) {}

  @HandlesEvent('offer.published', { lane: 'offers' })
  published(event: EventEnvelope<'offer.published'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('offer.updated', { lane: 'offers' })
  updated(event: EventEnvelope<'offer.updated'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('offer.withdrawn', { lane: 'offers' })
  withdrawn(event: EventEnvelope<'offer.withdrawn'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }
}
