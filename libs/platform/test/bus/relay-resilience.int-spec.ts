import { randomUUID } from 'node:crypto';
import { QUEUES, type AnyEvent } from '@capmatch/contracts';
import { busMetrics } from '../../src/bus';
import { waitForQuiet } from '../../../../test/support/quiet';
import {
  REDIS_URL, dropPrefix, matchingQueue, prepareDatabase, startBusApp as startApp, testDatabaseUrl, uniquePrefix, type BusApp,
} from './support/bus-harness';
import { ProbeEntity } from './support/probe.entity';
import { requestEvent } from './support/snapshots';
import { TcpProxy } from './support/tcp-proxy';
import { waitFor } from './support/wait-for';

async function publishedToMatching(): Promise<number> {
  const { values } = await busMetrics().relayPublished.get();
  return values.filter((v) => v.labels.queue === QUEUES.matching).reduce((sum, v) => sum + v.value, 0);
}

async function unrelayed(bus: BusApp): Promise<number> {
  const [{ n }] = await bus.dataSource.query('SELECT count(*)::int AS n FROM matching.outbox WHERE relayed_at IS NULL');
  return n;
}

// Both places the relay can run: its own worker thread (the default) and the service's thread.
describe.each([
  ['in its own thread', 'true'],
  ['in the service thread', 'false'],
])('event bus: relay resilience, relay %s', (_mode, threaded) => {
  const apps: BusApp[] = [];
  const prefixes: string[] = [];
  const startBusApp = (options: Parameters<typeof startApp>[0] = {}) =>
    startApp({ ...options, env: { BUS_RELAY_THREAD: threaded, ...options.env } });

  beforeAll(() => prepareDatabase(testDatabaseUrl()));

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.close()));
    await Promise.all(prefixes.splice(0).map(dropPrefix));
  });

  it('delivers every event committed while Redis was unreachable once it is back', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const url = new URL(REDIS_URL);
    const proxy = new TcpProxy({ host: url.hostname, port: Number(url.port || 6379) });
    await proxy.start();
    const bus = await startBusApp({ env: { QUEUE_PREFIX: prefix, REDIS_URL: proxy.url } });
    apps.push(bus);
    expect(bus.relay.threaded).toBe(threaded === 'true');
    await proxy.stop();

    const events: AnyEvent[] = [];
    for (let i = 0; i < 30; i += 1) {
      events.push(await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID()))));
    }
    let outcome: unknown = 'contended';
    while (outcome === 'contended') outcome = await bus.relay.relayBatch().catch((error: Error) => error);
    expect(outcome).toBeInstanceOf(Error);
    expect(await unrelayed(bus)).toBe(30);

    await proxy.start();
    await waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
    const rows = await bus.dataSource.getRepository(ProbeEntity).find();
    const handled = rows.filter((r) => events.some((e) => e.id === r.eventId));
    expect(handled).toHaveLength(30);
    expect(new Set(handled.map((r) => r.eventId)).size).toBe(30);
    await bus.close();
    apps.splice(apps.indexOf(bus), 1);
    await proxy.stop();
  });

  it('publishes each event once and in per-aggregate order with two relays running at once', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const env = { QUEUE_PREFIX: prefix, BUS_RELAY_BATCH_SIZE: '7', BUS_CONCURRENCY: '8' };
    const [a, b] = [await startBusApp({ env }), await startBusApp({ env })];
    apps.push(a, b);
    const queue = matchingQueue(prefix);
    await queue.pause();
    const before = await publishedToMatching();

    const aggregates = Array.from({ length: 20 }, () => randomUUID());
    const versions = 8;
    // Each aggregate's versions are written one after the other (as a service does holding the
    // aggregate's row lock); the aggregates race each other through both apps.
    await Promise.all(
      aggregates.map(async (aggregateId) => {
        for (let version = 1; version <= versions; version += 1) {
          const app = version % 2 === 0 ? a : b;
          await app.dataSource.transaction((m) => app.outbox.add(m, requestEvent(aggregateId, version)));
        }
      }),
    );
    await waitFor('the outbox to be relayed', async () => (await unrelayed(a)) === 0);

    const jobs = await queue.getJobs(['wait', 'paused'], 0, -1, true);
    expect(jobs).toHaveLength(aggregates.length * versions);
    expect(new Set(jobs.map((j) => j.id)).size).toBe(jobs.length);
    expect((await publishedToMatching()) - before).toBe(jobs.length);
    for (const aggregateId of aggregates) {
      const order = jobs.filter((j) => j.data.aggregateId === aggregateId).map((j) => j.data.version as number);
      expect(order).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    }

    await queue.resume();
    await waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
    await queue.close();
    const [{ n }] = await a.dataSource.query('SELECT count(*)::int AS n FROM matching.inbox WHERE aggregate_id = ANY($1)', [
      aggregates,
    ]);
    expect(n).toBe(aggregates.length * versions);
    const probe = await a.dataSource.getRepository(ProbeEntity).find({ order: { seq: 'ASC' } });
    for (const aggregateId of aggregates) {
      const applied = probe.filter((r) => r.aggregateId === aggregateId).map((r) => r.version);
      // Concurrent jobs of one aggregate may make an older one stale, never apply it after a newer one.
      expect(applied).toEqual([...applied].sort((x, y) => x - y));
      expect(new Set(applied).size).toBe(applied.length);
      expect(applied.at(-1)).toBe(versions);
    }
  });

  it('keeps relaying after its Postgres connections are cut', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const bus = await startBusApp({ env: { QUEUE_PREFIX: prefix } });
    apps.push(bus);
    const before = await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID())));
    await waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
    // The NOTIFY listener's connection, and in thread mode the relay thread's own connection.
    const cut = async () => {
      const rows: unknown[] = await bus.dataSource.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name LIKE 'capmatch-%' AND pid <> pg_backend_pid()`,
      );
      return rows.length;
    };
    expect(await cut()).toBeGreaterThanOrEqual(threaded === 'true' ? 2 : 1);
    const after = await bus.dataSource.transaction((m) =>
      bus.outbox.addAll(m, Array.from({ length: 20 }, () => requestEvent(randomUUID()))),
    );
    await waitFor('the outbox to be relayed', async () => (await unrelayed(bus)) === 0);
    await waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
    const ids = [before, ...after].map((e) => e.id);
    const rows = await bus.dataSource.getRepository(ProbeEntity).find();
    expect(rows.filter((r) => ids.includes(r.eventId)).map((r) => r.eventId).sort()).toEqual([...ids].sort());
  });

  it('publishes what is committed before it shuts down', async () => {
    const prefix = uniquePrefix();
    prefixes.push(prefix);
    const bus = await startBusApp({ env: { QUEUE_PREFIX: prefix, BUS_RELAY_POLL_MS: '60000' } });
    const queue = matchingQueue(prefix);
    await queue.pause();
    // Hold the relay's lock so nothing is published while the events commit.
    const blocker = bus.dataSource.createQueryRunner();
    await blocker.startTransaction();
    await blocker.query('SELECT pg_advisory_xact_lock(1, hashtext($1))', ['"matching".outbox']);
    const events = await bus.dataSource.transaction((m) =>
      bus.outbox.addAll(m, Array.from({ length: 25 }, () => requestEvent(randomUUID()))),
    );
    expect(await unrelayed(bus)).toBe(25);
    await blocker.commitTransaction();
    await blocker.release();
    await bus.close();

    const jobs = await queue.getJobs(['wait', 'paused'], 0, -1, true);
    await queue.close();
    expect(jobs.map((j) => j.id).sort()).toEqual(events.map((e) => e.id).sort());
    const checkPrefix = uniquePrefix();
    prefixes.push(checkPrefix);
    const check = await startBusApp({ env: { QUEUE_PREFIX: checkPrefix } });
    apps.push(check);
    const [{ n }] = await check.dataSource.query(
      'SELECT count(*)::int AS n FROM matching.outbox WHERE id = ANY($1) AND relayed_at IS NULL',
      [events.map((e) => e.id)],
    );
    expect(n).toBe(0);
  });
});
