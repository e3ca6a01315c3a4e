import IORedis from 'ioredis';
import { Client } from 'pg';
import { QUEUES, SERVICES, WORK_QUEUES } from '@capmatch/contracts';

export interface QuietOptions {
  /** Give up after this long (default 30 s), with an error listing what is still pending. */
  timeoutMs?: number;
  /** Pause between checks (default 25 ms). */
  intervalMs?: number;
  databaseUrl?: string;
  redisUrl?: string;
  /** BullMQ key prefix; defaults to QUEUE_PREFIX, which the test env sets per jest worker. */
  prefix?: string;
}

// Every BullMQ state in which a job still has work ahead of it (failed and completed are final).
const LISTS = ['wait', 'active', 'paused'] as const;
const SETS = ['delayed', 'prioritized', 'waiting-children'] as const;

async function pendingOutboxes(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox' AND table_schema = ANY($1)`,
    [[...SERVICES]],
  );
  const pending: string[] = [];
  for (const { schema } of rows) {
    const { rows: counted } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}".outbox WHERE relayed_at IS NULL`,
    );
    if (counted[0].n > 0) pending.push(`${schema}.outbox: ${counted[0].n} unrelayed`);
  }
  // The notifications service's own outbox: webhook deliveries written but not yet queued.
  if (rows.some((r) => r.schema === 'notifications')) {
    const { rows: counted } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notifications.deliveries WHERE queued_at IS NULL`,
    );
    if (counted[0].n > 0) pending.push(`notifications.deliveries: ${counted[0].n} unqueued`);
  }
  return pending;
}

async function pendingQueues(redis: IORedis, prefix: string): Promise<string[]> {
  const pipeline = redis.pipeline();
  const labels: string[] = [];
  for (const queue of [...Object.values(QUEUES), ...Object.values(WORK_QUEUES)]) {
    for (const list of LISTS) {
      pipeline.llen(`${prefix}:${queue}:${list}`);
      labels.push(`${queue} ${list}`);
    }
    for (const set of SETS) {
      pipeline.zcard(`${prefix}:${queue}:${set}`);
      labels.push(`${queue} ${set}`);
    }
  }
  const answers = (await pipeline.exec()) ?? [];
  return answers.flatMap(([error, count], i) => {
    if (error) throw error;
    return (count as number) > 0 ? [`${labels[i]}: ${count}`] : [];
  });
}

/**
 * Resolves once every service's outbox is relayed and no capmatch queue has a job waiting,
 * running, delayed or paused, seen on two checks in a row (a handler may write a new event
 * between the outbox check and the queue check). Never a fixed sleep: it returns as soon as
 * the system is idle.
 */
export async function waitForQuiet(options: QuietOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const intervalMs = options.intervalMs ?? 25;
  const prefix = options.prefix ?? process.env.QUEUE_PREFIX ?? 'capmatch';
  const db = new Client({ connectionString: options.databaseUrl ?? process.env.DATABASE_URL });
  const redis = new IORedis(options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 1,
  });
  // Failures surface through the awaited queries; a stray 'error' event must not crash jest.
  db.on('error', () => undefined);
  redis.on('error', () => undefined);
  await db.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    let quietChecks = 0;
    for (;;) {
      const pending = [...(await pendingOutboxes(db)), ...(await pendingQueues(redis, prefix))];
      quietChecks = pending.length === 0 ? quietChecks + 1 : 0;
      if (quietChecks >= 2) return;
      if (pending.length > 0 && Date.now() > deadline) {
        throw new Error(`waitForQuiet: still busy after ${timeoutMs} ms (prefix ${prefix}):\n  ${pending.join('\n  ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  } finally {
    await db.end();
    redis.disconnect();
  }
}
