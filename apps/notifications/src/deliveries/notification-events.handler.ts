import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { HandlesEvent } from '@capmatch/platform';
import { FanOutService } from './fan-out.service';

/**
 * The events a webhook may subscribe to. Partnerships carry their country and providers; a
 * suggestion carries its country, and its offers' providers come from this service's own
 * offer projection. An offer not projected yet (its offer.* event still on the way) fails the
 * job, which the bus retries with backoff: sending to fewer owners than may see it would lose
 * the notification for good.
 */
@Injectable()
export class NotificationEventsHandler {
  constructor(private readonly fanOut: FanOutService) {}

  @HandlesEvent('suggestion.proposed')
  async suggestionProposed(event: EventEnvelope<'suggestion.proposed'>, manager: EntityManager): Promise<void> {
    const { offerIds, country } = event.payload;
    const rows = (await manager.query(`SELECT id, provider_id FROM notifications.offers WHERE id = ANY($1::uuid[])`, [
      offerIds,
    ])) as Array<{ id: string; provider_id: string }>;
    const missing = offerIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length > 0) throw new Error(`suggestion ${event.payload.id}: offer(s) ${missing.join(', ')} not projected yet`);
    await this.fanOut.fanOut(manager, event, { country, providerIds: [...new Set(rows.map((r) => r.provider_id))] });
  }

  @HandlesEvent('partnership.proposed')
  partnershipProposed(event: EventEnvelope<'partnership.proposed'>, manager: EntityManager): Promise<void> {
    return this.fanOut.fanOut(manager, event, event.payload);
  }

  @HandlesEvent('partnership.agreed')
  partnershipAgreed(event: EventEnvelope<'partnership.agreed'>, manager: EntityManager): Promise<void> {
    return this.fanOut.fanOut(manager, event, event.payload);
  }

  @HandlesEvent('partnership.ended')
  partnershipEnded(event: EventEnvelope<'partnership.ended'>, manager: EntityManager): Promise<void> {
    return this.fanOut.fanOut(manager, event, event.payload);
  }
}
