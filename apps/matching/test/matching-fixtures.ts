// Builders and a publisher for the matching service's integration tests: request and offer
// snapshots as the other services would publish them, delivered through the real queue.
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { QUEUES, SERVICES, type AnyEvent, type EventType, type OfferSnapshot, type RequestSnapshot } from '@capmatch/contracts';
import { truncate } from '../../../test/support/truncate';

export { sql } from '../../../test/support/sql';

const NOW = '2026-01-01T00:00:00.000Z';

export function requestSnapshot(language: string, overrides: Partial<RequestSnapshot> = {}): RequestSnapshot {
  return {
    id: randomUUID(),
    country: 'RWA',
    title: 'Data skills for the civil service',
    description: 'Train statisticians in data science.',
    language: 'en',
    capacityAreas: ['skills-and-education'],
    modalities: ['training'],
    sdgs: [4],
    targetGroups: ['women-and-girls'],
    deliveryLanguages: [language],
    cooperationTypes: [],
    budgetUsd: 80000,
    window: { start: '2027-03-01', end: '2027-12-31' },
    nationalStrategyRef: null,
    priority: 'medium',
    status: 'open',
    classification: {
      region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: 'eastern-africa',
      developmentStatus: 'developing', ldc: true, lldc: true, sids: false, incomeGroup: 'low',
    },
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...overrides,
  };
}

export type OfferOrigin = 'north' | 'south' | 'multilateral';

const PROVIDER_COUNTRY: Record<OfferOrigin, string | null> = { north: 'DEU', south: 'KEN', multilateral: null };

export function offerSnapshot(language: string, origin: OfferOrigin = 'north', overrides: Partial<OfferSnapshot> = {}): OfferSnapshot {
  return {
    id: randomUUID(),
    providerId: randomUUID(),
    provider: { name: `provider ${origin}`, kind: origin === 'multilateral' ? 'multilateral' : 'government', country: PROVIDER_COUNTRY[origin] },
    origin,
    title: 'AI skills programme',
    description: 'Training for public servants.',
    language: 'en',
    capacityAreas: ['skills-and-education', 'data'],
    modalities: ['training', 'technical-assistance'],
    sdgs: [4, 9],
    targetGroups: ['women-and-girls'],
    deliveryLanguages: [language],
    eligibility: { regions: [], countries: [], groups: [] },
    slots: 2,
    remainingSlots: 2,
    budgetUsd: 100000,
    role: 'provider',
    window: { start: '2027-01-01', end: '2028-12-31' },
    openSource: true,
    technologyTransferTerms: null,
    civilianUseOnly: true,
    status: 'open',
    createdAt: NOW,
    updatedAt: NOW,
    version: 1,
    ...overrides,
  };
}

export function envelope<T extends EventType>(type: T, payload: RequestSnapshot | OfferSnapshot): AnyEvent {
  return {
    id: randomUUID(), type, occurredAt: new Date().toISOString(), aggregateId: payload.id, version: payload.version, payload,
  } as AnyEvent;
}

/** An owner's answer to a proposed partnership, as the offers or requests service sends it. */
export function answer<T extends 'reservation.made' | 'reservation.refused' | 'hold.made' | 'hold.refused'>(
  type: T,
  partnership: { id: string; requestId: string; offerIds: string[] },
  extra: { offerId?: string; reason?: string } = {},
): AnyEvent {
  const base = { partnershipId: partnership.id, requestId: partnership.requestId, ...extra };
  const payload = type.startsWith('reservation') ? { ...base, offerIds: partnership.offerIds } : base;
  return { id: randomUUID(), type, occurredAt: new Date().toISOString(), aggregateId: partnership.id, version: 1, payload } as AnyEvent;
}

/** Publishes events on the matching queue exactly as the relay does (job name = type, id = event id). */
export class EventFeed {
  private readonly queue = new Queue(QUEUES.matching, {
    connection: { url: process.env.REDIS_URL },
    prefix: process.env.QUEUE_PREFIX,
  });

  private readonly others = SERVICES.filter((s) => s !== 'matching').map((s) => QUEUES[s]).map(
    (name) => new Queue(name, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX }),
  );

  async publish(...events: AnyEvent[]): Promise<void> {
    await this.queue.addBulk(events.map((e) => ({ name: e.type, data: e, opts: { jobId: e.id, attempts: 5, backoff: { type: 'exponential', delay: 50 } } })));
  }

  /**
   * Throws away what matching sent to the other services (partnership.*, suggestion.proposed): their workers
   * do not run in these tests, and a job left waiting would keep the queues from going quiet.
   */
  async discardOutgoing(): Promise<void> {
    await Promise.all(this.others.map((q) => q.drain(true)));
  }

  async close(): Promise<void> {
    await Promise.all([this.queue, ...this.others].map((q) => q.close()));
  }
}

/** Empties the matching schema between tests (the service's own tables, not migrations). */
export async function truncateMatching(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    await truncate(db, `TRUNCATE matching.pending_rematch, matching.partnership_history, matching.partnerships, matching.rejected_combinations,
      matching.suggestion_history, matching.suggestions, matching.offer_projections, matching.request_projections,
      matching.outbox, matching.inbox`);
  } finally {
    await db.end();
  }
}
