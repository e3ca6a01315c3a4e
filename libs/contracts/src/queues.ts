/**
 * Queue names, frozen. Renaming a queue strands every job already waiting under the old name:
 * add a new name and drain the old queue instead of editing one of these strings.
 * BullMQ forbids ':' in queue names, hence the dots.
 */
export const SERVICES = ['requests', 'offers', 'matching', 'notifications'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const QUEUES: Readonly<Record<ServiceName, string>> = Object.freeze({
  requests: 'capmatch.requests.events',
  offers: 'capmatch.offers.events',
  matching: 'capmatch.matching.events',
  notifications: 'capmatch.notifications.events',
});

/**
 * Queues of work a service does for itself, not events between services (same rule: never
 * rename one). The notifications service turns each (event, webhook) into one delivery job here.
 */
export const WORK_QUEUES = Object.freeze({
  webhookDeliveries: 'capmatch.notifications.deliveries',
});

/**
 * Queues of scheduled jobs (not events), frozen like the ones above. Kept apart from QUEUES:
 * their jobs are delayed on purpose, so "the event queues are quiet" never waits for them.
 */
export const JOB_QUEUES = Object.freeze({
  /** One delayed job per pending partnership, keyed by its id (matching). */
  partnershipExpiry: 'capmatch.matching.partnership-expiry',
});
