import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';

/** The NOTIFY channel that wakes the dispatcher when deliveries were written. */
export const DELIVERY_CHANNEL = 'capmatch_webhook_deliveries';

/** Who, besides coordinators and admins, may see an event: the requesting country and providers. */
export interface Audience {
  country: string;
  providerIds: string[];
}

/**
 * Turns one event into one delivery per enabled webhook that subscribed to its type and whose
 * owner may see it, in the caller's transaction (the one that also records the event in the
 * inbox): the deliveries exist exactly when the event was handled, and a redelivered event
 * adds none (unique on event and webhook). The body is stored as the exact text every attempt
 * signs and sends.
 */
@Injectable()
export class FanOutService {
  async fanOut(manager: EntityManager, event: AnyEvent, audience: Audience): Promise<void> {
    const body = JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event.payload });
    await manager.query(
      `WITH targets AS (
         SELECT id FROM notifications.webhooks
          WHERE enabled AND events @> ARRAY[$2]::text[]
            AND (owner_role IN ('coordinator', 'admin')
              OR (owner_role = 'country' AND owner_country = $5)
              OR (owner_role = 'donor' AND owner_provider_id = ANY($6::uuid[])))
       ), written AS (
         INSERT INTO notifications.deliveries (id, webhook_id, event_id, event_type, body, occurred_at, next_attempt_at)
         SELECT gen_random_uuid(), id, $1, $2, $3, $4, now() FROM targets
         ON CONFLICT (event_id, webhook_id) DO NOTHING
         RETURNING 1
       )
       SELECT pg_notify($7, '') WHERE EXISTS (SELECT 1 FROM written)`,
      [event.id, event.type, body, event.occurredAt, audience.country, audience.providerIds, DELIVERY_CHANNEL],
    );
  }
}
