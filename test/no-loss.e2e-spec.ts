// No event is lost or applied twice when the matching service dies mid-stream: requests keep
// arriving while matching is SIGKILLed (no drain, transactions cut off, jobs left active in
// Redis), and after a restart every request.submitted event has been handled exactly once and
// every request has exactly its suggestions. Matching runs as a real child process (from the
// TypeScript source), requests, offers and notifications in this process. `npm run test:cluster` runs this
// against a Redis Cluster as well.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { Client } from 'pg';
import { PLATFORM_REDIS } from '@capmatch/platform';
import { AppModule as NotificationsModule } from '../apps/notifications/src/app.module';
import { AppModule as OffersModule } from '../apps/offers/src/app.module';
import { AppModule as RequestsModule } from '../apps/requests/src/app.module';
import { startService, type StartedService } from './support/app';
import { startChildService, type ChildService } from './support/child-service';
import { waitForQuiet } from './support/quiet';
import { Scenario, coordinator, type Json } from './support/scenario';
import { dropServiceSchemas, type Stack } from './support/stack';

const REQUESTS = 40;
const KILL_AFTER = 12; // handled request events before the kill
const LANGUAGE = 'ln';

describe('no event lost when matching is killed mid-stream', () => {
  let requests: StartedService;
  let offers: StartedService;
  let notifications: StartedService;
  let matching: ChildService | undefined;
  let db: Client;
  let s: Scenario;

  const startMatching = () =>
    startChildService({
      service: 'matching',
      from: 'source',
      log: join(tmpdir(), `capmatch-no-loss-matching-${process.pid}.log`),
      // A short lock: the killed worker's active jobs go back to the queue within seconds.
      env: { BUS_LOCK_DURATION_MS: '2000' },
    });

  // A queue prefix of its own: jobs an earlier file of this jest worker left in the worker's
  // queues must not reach this matching (its inbox is what the test counts).
  const workerPrefix = process.env.QUEUE_PREFIX;

  beforeAll(async () => {
    process.env.QUEUE_PREFIX = `${workerPrefix}_no_loss`;
    await dropServiceSchemas();
    requests = await startService('requests', RequestsModule);
    offers = await startService('offers', OffersModule);
    // It consumes offer and suggestion events too: without it their queue never goes quiet.
    notifications = await startService('notifications', NotificationsModule);
    matching = await startMatching();
    // Scenario drives only requests and offers here; matching is read through the database.
    s = new Scenario({ requests, offers } as unknown as Stack);
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await matching?.stop();
    await notifications?.close();
    await offers?.close();
    await requests?.close();
    process.env.QUEUE_PREFIX = workerPrefix;
  });

  const handledRequestEvents = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS n FROM matching.inbox WHERE event_type = 'request.submitted'`)).rows[0].n;

  it('handles every request event exactly once across a SIGKILL and a restart', async () => {
    // Under npm run test:cluster the services really talk to the cluster, not one of its nodes.
    expect(requests.app.get(PLATFORM_REDIS) instanceof Cluster).toBe(process.env.REDIS_CLUSTER === 'true');
    const provider = await s.provider('government', 'DEU');
    const first = await s.offer(provider, LANGUAGE, { capacityAreas: ['skills-and-education'] });
    const second = await s.offer(provider, LANGUAGE, { capacityAreas: ['skills-and-education', 'data'], title: 'Data skills' });
    await waitForQuiet({ timeoutMs: 60_000 });

    // Submit in a stream; kill matching once it has handled KILL_AFTER of them, keep submitting.
    const submitted: Json[] = [];
    const stream = (async () => {
      for (let i = 0; i < REQUESTS; i++) submitted.push(await s.request('RWA', LANGUAGE, { title: `Data skills ${i}` }));
    })();
    while ((await handledRequestEvents()) < KILL_AFTER) await new Promise((r) => setTimeout(r, 20));
    await matching!.kill();
    const handledAtKill = await handledRequestEvents();
    await stream;
    expect(handledAtKill).toBeLessThan(REQUESTS); // the kill really was mid-stream

    matching = await startMatching();
    await waitForQuiet({ timeoutMs: 120_000 });

    // Exactly once: one inbox row per request.submitted event the requests service produced.
    const produced = await db.query(`SELECT id FROM requests.outbox WHERE type = 'request.submitted'`);
    const handled = await db.query(
      `SELECT event_id AS id, count(*)::int AS n FROM matching.inbox WHERE event_type = 'request.submitted' GROUP BY event_id`,
    );
    expect(produced.rows).toHaveLength(REQUESTS);
    expect(handled.rows.map((r) => r.id).sort()).toEqual(produced.rows.map((r) => r.id).sort());
    expect(handled.rows.every((r) => r.n === 1)).toBe(true);

    // Every request got its two suggestions, once each, and each was announced once.
    const ids = submitted.map((r) => r.id);
    const expected = [[first.id], [second.id]].sort();
    for (const id of ids) {
      const res = await fetch(`${matching!.url}/v1/suggestions?requestId=${id}&status=proposed&limit=200`, {
        headers: { authorization: `Bearer ${await coordinator()}` },
      });
      expect(res.status).toBe(200);
      const { items } = (await res.json()) as { items: Json[] };
      expect(items.map((x) => x.offerIds).sort()).toEqual(expected);
    }
    const announced = await db.query(
      `SELECT aggregate_id, count(*)::int AS n FROM matching.outbox WHERE type = 'suggestion.proposed'
        AND payload->>'requestId' = ANY($1::text[]) GROUP BY aggregate_id`,
      [ids],
    );
    expect(announced.rows).toHaveLength(REQUESTS * 2);
    expect(announced.rows.every((r) => r.n === 1)).toBe(true);
  }, 300_000);
});
