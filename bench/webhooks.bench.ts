/**
 * Webhook deliveries: how many deliveries per second the notifications service sends to local
 * receivers, and the time from a committed partnership.proposed to the receiver's 200.
 * Boots the notifications service in this process on its own database (capmatch_bench_webhooks)
 * and queue prefix; events are committed to its outbox exactly as a producer's OutboxService
 * does, so the figures cover outbox → relay → queue → inbox and fan-out → dispatcher → delivery.
 *   npm run bench:webhooks      BENCH_EVENTS=3000 BENCH_RECEIVERS=4 BENCH_LATENCY_EVENTS=300 npm run bench:webhooks
 */
import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { NewEvent, PartnershipSnapshot } from '@capmatch/contracts';
import { createApp, drainAndClose, OutboxService, signToken } from '@capmatch/platform';
import { AppModule } from '../apps/notifications/src/app.module';
import { formatSummary, summarise } from './pipeline/stats';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 3000);
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 4);
const LATENCY_EVENTS = Number(process.env.BENCH_LATENCY_EVENTS ?? 300);
const LATENCY_GAP_MS = 10;
const WRITE_BATCH = 250;
const TIME_LIMIT_MS = 300_000;
const BASE_URL = process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE = 'capmatch_bench_webhooks';
const SECRET = randomBytes(24).toString('hex');

/** A receiver that answers 200 at once and notes when each webhook-id arrived. */
class Receiver {
  readonly arrivals = new Map<string, number>();
  count = 0;
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.arrivals.set(String(req.headers['webhook-id']), performance.now());
        this.count += 1;
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

function proposed(): NewEvent {
  const now = new Date().toISOString();
  const payload: PartnershipSnapshot = {
    id: randomUUID(), suggestionId: randomUUID(), requestId: randomUUID(), offerIds: [randomUUID()], providerIds: [randomUUID()],
    country: 'RWA', cooperationType: 'south-south', status: 'pending', confirmations: [], reason: null,
    expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), agreedAt: null, endedAt: null, createdAt: now, updatedAt: now, version: 1,
  };
  return { type: 'partnership.proposed', aggregateId: payload.id, version: 1, payload };
}

async function until(what: string, done: () => boolean): Promise<void> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`${what}: not finished within ${TIME_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${BASE_URL}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.end(); // the service creates it again at start-up
}

async function main(): Promise<void> {
  await freshDatabase();
  Object.assign(process.env, {
    DATABASE_URL: `${BASE_URL}/${DATABASE}`,
    QUEUE_PREFIX: `capmatch_bench_webhooks_${randomBytes(4).toString('hex')}`,
    JWT_SECRET: SECRET,
    WEBHOOK_ALLOW_PRIVATE: 'true',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    RATE_LIMIT_PER_MINUTE: '1000000',
    ENV_FILE: '/nonexistent/.env',
  });
  const app = await createApp({ service: 'notifications', module: AppModule });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const outbox = app.get(OutboxService);
  const dataSource = app.get(DataSource);
  const token = await signToken({ role: 'coordinator', sub: 'bench' }, SECRET);
  const receivers = Array.from({ length: RECEIVERS + 1 }, () => new Receiver());
  await Promise.all(receivers.map((r) => r.start()));
  const [latencyReceiver, ...throughputReceivers] = receivers;
  const subscribe = async (receiver: Receiver) => {
    const res = await fetch(`${base}/v1/webhooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${receiver.port}/hook`, events: ['partnership.proposed'] }),
    });
    if (res.status !== 201) throw new Error(`registering a webhook answered ${res.status}: ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };
  const commit = (events: NewEvent[]) => dataSource.transaction((manager) => outbox.addAll(manager, events));

  try {
    // Throughput: every event goes to each of RECEIVERS webhooks, one receiver (host:port) each.
    const hooks = await Promise.all(throughputReceivers.map(subscribe));
    const started = performance.now();
    for (let i = 0; i < EVENTS; i += WRITE_BATCH) await commit(Array.from({ length: Math.min(WRITE_BATCH, EVENTS - i) }, proposed));
    const committed = performance.now();
    await until('throughput deliveries', () => throughputReceivers.every((r) => r.count >= EVENTS));
    const seconds = (performance.now() - started) / 1000;
    const total = EVENTS * throughputReceivers.length;
    console.log(
      `throughput: ${EVENTS} events × ${throughputReceivers.length} webhooks = ${total} deliveries in ${seconds.toFixed(2)} s ` +
        `→ ${Math.round(total / seconds)} deliveries/s (events committed in ${((committed - started) / 1000).toFixed(2)} s)`,
    );
    for (const id of hooks) {
      await fetch(`${base}/v1/webhooks/${id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    }

    // Latency: one event at a time, from its commit to the receiver's 200.
    await subscribe(latencyReceiver);
    const samples: number[] = [];
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const [event] = await commit([proposed()]);
      const at = performance.now();
      await until('latency delivery', () => latencyReceiver.arrivals.has(event.id));
      samples.push(latencyReceiver.arrivals.get(event.id)! - at);
      await new Promise((resolve) => setTimeout(resolve, LATENCY_GAP_MS));
    }
    console.log(formatSummary('partnership.proposed committed → receiver 200', summarise(samples)));
  } finally {
    await drainAndClose(app);
    await Promise.all(receivers.map((r) => r.stop()));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
