import type { EventType } from '@capmatch/contracts';

/** The events a webhook may subscribe to (contract, "Notifications (webhooks)"). */
export const WEBHOOK_EVENTS = [
  'suggestion.proposed',
  'partnership.proposed',
  'partnership.agreed',
  'partnership.ended',
] as const satisfies readonly EventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
