// At-least-once delivery seen from outside: an event relayed twice (same event id under a new
// job id) and a stale event arriving after a newer version (new event id, old version) must
// leave the suggestions exactly as they were. The replays are put on the matching queue by
// hand, the way a relay retry or a Redis failover would.
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QUEUES } from '@capmatch/contracts';
import type { RedisClient } from '@capmatch/platform';
import request from 'supertest';
import { waitForQuiet } from './support/quiet';
import { testRedis } from './support/redis';
import { Scenario, type Json } from './support/scenario';
import { startStack, type Stack } from './support/stack';
import { tokenFor } from './support/tokens';

interface OutboxRow {
  id: string;
  type: string;
  aggregate_id: string;
  version: number;
  payload: Json;
  occurred_at: Date;
}

const view = (items: Json[]) =>
  items.map((x) => ({ id: x.id, offerIds: x.offerIds, status: x.status, score: x.score, type: x.cooperationType })).sort((a, b) => a.id.localeCompare(b.id));

describe('redelivered and out-of-order events', () => {
  let stack: Stack;
  let s: Scenario;
  let db: Client;
  let redis: RedisClient;
  let queue: Queue;

  beforeAll(async () => {
    stack = await startStack();
    s = new Scenario(stack);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    redis = testRedis('worker');
    queue = new Queue(QUEUES.matching, { connection: redis, prefix: process.env.QUEUE_PREFIX });
  });

  afterAll(async () => {
    await queue?.close();
    redis?.disconnect();
    await db?.end();
    await stack?.close();
  });

  const outboxOf = async (schema: string, aggregateId: string): Promise<OutboxRow[]> =>
    (await db.query<OutboxRow>(`SELECT * FROM ${schema}.outbox WHERE aggregate_id = $1 ORDER BY version, seq`, [aggregateId])).rows;

  const replay = (row: OutboxRow, eventId: string) =>
    queue.add(
      row.type,
      { id: eventId, type: row.type, occurredAt: row.occurred_at.toISOString(), aggregateId: row.aggregate_id, version: row.version, payload: row.payload },
      { jobId: `replay-${randomUUID()}`, attempts: 3, backoff: { type: 'fixed', delay: 50 } },
    );

  it('changes nothing when events come twice or late', async () => {
    const provider = await s.provider('government', 'CAN');
    const skills = await s.offer(provider, 'ss', { capacityAreas: ['skills-and-education'] });
    const data = await s.offer(provider, 'ss', { capacityAreas: ['data'], title: 'Open data systems' });
    const req = await s.request('GHA', 'ss', { capacityAreas: ['skills-and-education'] });
    await waitForQuiet();
    expect((await s.proposedFor(req.id)).map((x) => x.offerIds)).toEqual([[skills.id]]);

    const token = await tokenFor({ role: 'country', country: 'GHA' });
    const patched = await request(stack.requests.http)
      .patch(`/v1/requests/${req.id}`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', `"${req.version}"`)
      .send({ capacityAreas: ['data'] });
    expect(patched.status).toBe(200);
    await waitForQuiet();
    expect((await s.proposedFor(req.id)).map((x) => x.offerIds)).toEqual([[data.id]]);
    const settled = view(await s.suggestions({ requestId: req.id }));

    const requestEvents = await outboxOf('requests', req.id);
    const offerEvents = await outboxOf('offers', skills.id);
    expect(requestEvents.map((e) => e.type)).toEqual(['request.submitted', 'request.updated']);
    const [submitted, updated] = requestEvents;
    await replay(submitted, submitted.id); // the same event again, under a new job id
    await replay(updated, updated.id);
    await replay(submitted, randomUUID()); // a stale version under a new event id
    await replay(offerEvents[0], offerEvents[0].id);
    await waitForQuiet();

    expect(view(await s.suggestions({ requestId: req.id }))).toEqual(settled);
    expect(await queue.getJobCountByTypes('failed')).toBe(0);
  });
});
