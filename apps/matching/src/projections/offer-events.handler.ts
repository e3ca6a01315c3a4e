import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { OfferProjector } from './offer-projector.service';

/** offer.* events: the payload is the full offer, so all three are one projection step. */
@Injectable()
export class OfferEventsHandler {
  constructor(private readonly projector: OfferProjector) {}

  @HandlesEvent('offer.published')
  published(event: EventEnvelope<'offer.published'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('offer.updated')
  updated(event: EventEnvelope<'offer.updated'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }

  @HandlesEvent('offer.withdrawn')
  withdrawn(event: EventEnvelope<'offer.withdrawn'>, manager: EntityManager): Promise<void> {
    return this.projector.apply(manager, event);
  }
}
