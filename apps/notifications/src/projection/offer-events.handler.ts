import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, OfferSnapshot } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';

/**
 * offer.* events feed the one fact this service needs about offers: which provider each one
 * belongs to, so that a donor's webhook receives the suggestions holding its provider's offers.
 * Version-aware: an older snapshot never overwrites a newer one.
 */
@Injectable()
export class OfferEventsHandler {
  @HandlesEvent('offer.published')
  published(event: EventEnvelope<'offer.published'>, manager: EntityManager): Promise<void> {
    return this.project(manager, event.payload);
  }

  @HandlesEvent('offer.updated')
  updated(event: EventEnvelope<'offer.updated'>, manager: EntityManager): Promise<void> {
    return this.project(manager, event.payload);
  }

  @HandlesEvent('offer.withdrawn')
  withdrawn(event: EventEnvelope<'offer.withdrawn'>, manager: EntityManager): Promise<void> {
    return this.project(manager, event.payload);
  }

  private async project(manager: EntityManager, offer: OfferSnapshot): Promise<void> {
    await manager.query(
      `INSERT INTO notifications.offers (id, provider_id, version) VALUES ($1, $2, $3)
       ON CONFLICT (id) DO UPDATE SET provider_id = EXCLUDED.provider_id, version = EXCLUDED.version
        WHERE notifications.offers.version < EXCLUDED.version`,
      [offer.id, offer.providerId, offer.version],
    );
  }
}
