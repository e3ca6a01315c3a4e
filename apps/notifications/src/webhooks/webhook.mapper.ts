import type { DeliveryAttemptEntity } from '../deliveries/delivery-attempt.entity';
import type { DeliveryAttemptDto, WebhookDto } from './webhook.dto';
import type { WebhookEntity } from './webhook.entity';

export function toWebhookView(w: WebhookEntity): WebhookDto {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    description: w.description,
    enabled: w.enabled,
    failingSince: w.failingSince?.toISOString() ?? null,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    disabledReason: w.disabledReason,
    owner: { sub: w.ownerSub, role: w.ownerRole },
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
    version: w.version,
  };
}

export function toAttemptView(a: DeliveryAttemptEntity): DeliveryAttemptDto {
  return {
    deliveryId: a.deliveryId,
    eventId: a.eventId,
    eventType: a.eventType,
    attempt: a.attempt,
    status: a.outcome,
    statusCode: a.statusCode,
    error: a.error,
    durationMs: a.durationMs,
    at: a.startedAt.toISOString(),
    nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
  };
}
