import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import request from 'supertest';
import { QUEUES, validateEvent, type EventEnvelope } from '@capmatch/contracts';
import { startService, type StartedService } from '../../../test/support/app';
import { AppModule } from '../src/app.module';
import { headersFor, requestBody, RequestsDb, type Caller } from './requests-fixtures';

/** partnership.created as the matching service's relay publishes it. */
function partnershipCreated(requestId: string, partnershipId = randomUUID()): EventEnvelope<'partnership.created'> {
  return {
    id: randomUUID(),
    type: 'partnership.created',
    occurredAt: new Date().toISOString(),
    aggregateId: partnershipId,
    version: 1,
    payload: {
      id: partnershipId,
      suggestionId: randomUUID(),
      requestId,
      offerIds: [randomUUID()],
      country: 'RWA',
      cooperationType: 'south-south',
      createdAt: new Date().toISOString(),
    },
  };
}

describe('partnership.created consumer', () => {
  let svc: StartedService;
  let db: RequestsDb;
  let h: Record<Caller, Record<string, string>>;
  let queue: Queue;
  let queueEvents: QueueEvents;
  const http = () => request(svc.http);

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    db = await RequestsDb.connect();
    h = await headersFor();
    const connection = { url: process.env.REDIS_URL };
    queue = new Queue(QUEUES.requests, { connection, prefix: process.env.QUEUE_PREFIX });
    queueEvents = new QueueEvents(QUEUES.requests, { connection, prefix: process.env.QUEUE_PREFIX });
    await queueEvents.waitUntilReady();
  });
  afterAll(async () => {
    await queueEvents?.close();
    await queue?.close();
    await db?.close();
    await svc?.close();
  });

  /** Puts the event on the service's real queue in the relay's job format; resolves when handled. */
  async function deliver(event: EventEnvelope<'partnership.created'>, jobId = event.id): Promise<void> {
    const job = await queue.add(event.type, event, { jobId });
    await job.waitUntilFinished(queueEvents, 30_000);
  }

  const submit = async () => (await http().post('/v1/requests').set(h.own).send(requestBody()).expect(201)).body;
  const history = async (id: string) => (await http().get(`/v1/requests/${id}/history`).set(h.coordinator)).body.items;

  it('marks the open request matched, with a history entry and one request.updated event', async () => {
    const created = await submit();
    const event = partnershipCreated(created.id);
    await deliver(event);
    const now = (await http().get(`/v1/requests/${created.id}`).set(h.own)).body;
    expect(now).toMatchObject({ status: 'matched', version: 2 });
    const events = await db.events(created.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([['request.submitted', 1], ['request.updated', 2]]);
    expect(events[1].payload).toEqual(now);
    expect((await history(created.id))[1]).toMatchObject({
      action: 'matched',
      actor: { sub: 'matching', role: 'system' },
      partnershipId: event.payload.id,
      changes: [{ field: 'status', from: 'open', to: 'matched' }],
      version: 2,
    });
    await http().patch(`/v1/requests/${created.id}`).set(h.own).send({ priority: 'low' }).expect(409);
    await http().post(`/v1/requests/${created.id}/withdraw`).set(h.own).send({}).expect(409);
  });

  it('changes nothing when the same event comes again, or the same partnership under a new event id', async () => {
    const created = await submit();
    const event = partnershipCreated(created.id);
    await deliver(event);
    const after = await db.counts();
    await deliver(event, `${event.id}-redelivered`);
    await deliver({ ...event, id: randomUUID() });
    expect(await db.counts()).toEqual(after);
    expect((await http().get(`/v1/requests/${created.id}`).set(h.own)).body.version).toBe(2);
    // The redelivery stopped at the inbox; the new event id passed it and stopped at the state check.
    const inbox = await db.query(`SELECT count(*)::int AS n FROM requests.inbox WHERE aggregate_id = $1`, [event.aggregateId]);
    expect(inbox.rows[0].n).toBe(2);
  });

  it('records a partnership for a withdrawn request in the history only', async () => {
    const created = await submit();
    await http().post(`/v1/requests/${created.id}/withdraw`).set(h.own).send({ reason: 'solved' }).expect(200);
    const before = await db.counts();
    const event = partnershipCreated(created.id);
    await deliver(event);
    await deliver({ ...event, id: randomUUID() });
    const now = (await http().get(`/v1/requests/${created.id}`).set(h.own)).body;
    expect(now).toMatchObject({ status: 'withdrawn', version: 2 });
    expect(await db.counts()).toEqual({ ...before, history: before.history + 1 });
    const entries = await history(created.id);
    expect(entries.map((e: { action: string }) => e.action)).toEqual(['submitted', 'withdrawn', 'partnership-ignored']);
    expect(entries[2]).toMatchObject({ partnershipId: event.payload.id, changes: [], version: 2, reason: expect.stringMatching(/withdrawn/) });
  });

  it('skips a partnership for an unknown request', async () => {
    const before = await db.counts();
    await deliver(partnershipCreated(randomUUID()));
    expect(await db.counts()).toEqual(before);
  });

  it('publishes payloads that pass the contract validator', async () => {
    const created = await submit();
    await http().patch(`/v1/requests/${created.id}`).set(h.own).send({ budgetUsd: null, nationalStrategyRef: null }).expect(200);
    for (const row of await db.events(created.id)) {
      const envelope = { id: row.id, type: row.type, occurredAt: new Date().toISOString(), aggregateId: row.aggregate_id, version: row.version, payload: row.payload };
      expect(() => validateEvent(envelope)).not.toThrow();
    }
  });
});
