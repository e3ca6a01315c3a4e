import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { QUEUES, type EventEnvelope } from '@capmatch/contracts';
import type { StartedService } from '../../../test/support/app';
import { tokenFor } from '../../../test/support/tokens';

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A valid body for POST /v1/offers (the contract's example). */
export function offerBody(overrides: Json = {}): Json {
  return {
    title: 'Open voice datasets for African languages',
    description: 'Collect, license and publish speech data; train local teams.',
    language: 'en',
    capacityAreas: ['language-technology', 'data'],
    modalities: ['technical-assistance', 'technology-transfer'],
    sdgs: [4, 9],
    targetGroups: ['rural-and-remote'],
    deliveryLanguages: ['en', 'fr', 'rw', 'sw'],
    eligibility: { regions: ['africa'], countries: [], groups: [] },
    slots: 3,
    budgetUsd: 400000,
    role: 'provider',
    window: { start: '2026-06-01', end: '2028-12-31' },
    openSource: true,
    technologyTransferTerms: 'mutually-agreed',
    civilianUseOnly: true,
    ...overrides,
  };
}

export const bearer = async (claims: Parameters<typeof tokenFor>[0]) => ({ Authorization: `Bearer ${await tokenFor(claims)}` });
export const coordinatorHeaders = () => bearer({ sub: 'coord-1', role: 'coordinator' });

/** Registers a provider through the API (as a coordinator) and returns it. */
export async function registerProvider(svc: StartedService, body: Json): Promise<Json> {
  const res = await request(svc.http).post('/v1/providers').set(await coordinatorHeaders()).send(body);
  if (res.status !== 201) throw new Error(`provider not registered: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Direct reads of the service's tables, to check what was (not) written. */
export class OffersDb {
  private constructor(private readonly client: Client) {}

  static async connect(): Promise<OffersDb> {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    return new OffersDb(client);
  }

  async counts(): Promise<{ providers: number; offers: number; history: number; outbox: number }> {
    const { rows } = await this.client.query(`SELECT
      (SELECT count(*)::int FROM offers.providers) AS providers,
      (SELECT count(*)::int FROM offers.offers) AS offers,
      (SELECT count(*)::int FROM offers.offer_history) AS history,
      (SELECT count(*)::int FROM offers.outbox) AS outbox`);
    return rows[0];
  }

  async events(aggregateId?: string): Promise<Array<{ id: string; type: string; version: number; aggregate_id: string; payload: Json }>> {
    const { rows } = await this.client.query(
      `SELECT id, type, version, aggregate_id, payload FROM offers.outbox WHERE $1::text IS NULL OR aggregate_id = $1 ORDER BY seq`,
      [aggregateId ?? null],
    );
    return rows;
  }

  close(): Promise<void> {
    return this.client.end();
  }
}

/**
 * Puts a partnership.created event on the offers service's real queue, as the relay of the
 * matching service would (job id = event id), and waits until the worker has finished it.
 * (waitForQuiet would wait forever here: no matching service drains the offer events.)
 */
export class PartnershipSender {
  private readonly options = { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX };
  private readonly queue = new Queue(QUEUES.offers, this.options);
  private readonly events = new QueueEvents(QUEUES.offers, this.options);

  /** `jobId` other than the event id simulates a redelivery the queue itself cannot dedupe. */
  async send(
    offerIds: string[],
    ids: { partnershipId?: string; eventId?: string; jobId?: string } = {},
  ): Promise<EventEnvelope<'partnership.created'>> {
    const [event] = await this.sendAll([{ offerIds, ...ids }]);
    return event;
  }

  /** Queues every partnership at once (the worker may run them concurrently), then waits for all. */
  async sendAll(
    partnerships: Array<{ offerIds: string[]; partnershipId?: string; eventId?: string; jobId?: string }>,
  ): Promise<Array<EventEnvelope<'partnership.created'>>> {
    await this.events.waitUntilReady();
    const queued = await Promise.all(partnerships.map((p) => this.queueOne(p.offerIds, p)));
    await Promise.all(queued.map(({ job }) => job.waitUntilFinished(this.events, 20_000)));
    return queued.map(({ event }) => event);
  }

  private async queueOne(offerIds: string[], ids: { partnershipId?: string; eventId?: string; jobId?: string }) {
    const partnershipId = ids.partnershipId ?? randomUUID();
    const now = new Date().toISOString();
    const event: EventEnvelope<'partnership.created'> = {
      id: ids.eventId ?? randomUUID(),
      type: 'partnership.created',
      occurredAt: now,
      aggregateId: partnershipId,
      version: 1,
      payload: {
        id: partnershipId,
        suggestionId: randomUUID(),
        requestId: randomUUID(),
        offerIds,
        country: 'RWA',
        cooperationType: 'north-south',
        createdAt: now,
      },
    };
    const job = await this.queue.add(event.type, event, { jobId: ids.jobId ?? event.id, attempts: 3, backoff: { type: 'fixed', delay: 50 } });
    return { event, job };
  }

  async failedCount(): Promise<number> {
    return this.queue.getFailedCount();
  }

  async close(): Promise<void> {
    await this.events.close();
    await this.queue.obliterate({ force: true });
    await this.queue.close();
  }
}
