import { Queue, type JobsOptions } from 'bullmq';
import { QUEUES, SERVICES, consumersOf, type AnyEvent, type EventType } from '@capmatch/contracts';
import type { RedisClient } from '../redis/redis-connection';
import type { BusSettings } from './bus.config';
import { quoteSchema } from './bus.constants';
import type { RelayDb } from './relay-db';

interface OutboxRow {
  seq: string; id: string; type: EventType; aggregate_id: string; version: number;
  payload: AnyEvent['payload']; correlation_id: string | null; causation_id: string | null; occurred_at: Date;
}

export type RelayOutcome = 'contended' | 'empty' | 'partial' | 'full';

/** Jobs waiting, active, delayed and failed, per queue name. */
export type QueueCounts = Record<string, Record<string, number>>;

/**
 * One relay pass and its helpers, free of NestJS and TypeORM so that the same code runs in the
 * service's thread or in a worker thread of its own (relay-runtime.ts).
 *
 * Order: one relay at a time publishes a schema's outbox (transaction-scoped advisory lock;
 * others skip and retry shortly), in `seq` order, one batch after the other, so the events of
 * one aggregate enter each queue in the order they were committed. Rows are also locked FOR
 * UPDATE SKIP LOCKED so the pruning never races a batch in flight. If the commit after a
 * publish fails the batch is published again: job ids (= event ids) and the consumers' inbox
 * make that harmless.
 */
export class RelayCore {
  private readonly table: string;
  private readonly queues = new Map<string, Queue>();
  private readonly jobOptions: JobsOptions;

  constructor(
    schema: string,
    private readonly db: RelayDb,
    redis: RedisClient,
    prefix: string,
    private readonly cfg: BusSettings,
    private readonly onPublished: (queue: string, count: number) => void,
  ) {
    this.table = `${quoteSchema(schema)}.outbox`;
    for (const service of SERVICES) {
      const queue = new Queue(QUEUES[service], { connection: redis, prefix });
      queue.on('error', () => undefined); // the connection already reports outages
      this.queues.set(QUEUES[service], queue);
    }
    this.jobOptions = {
      attempts: cfg.BUS_ATTEMPTS,
      backoff: { type: 'exponential', delay: cfg.BUS_BACKOFF_MS },
      removeOnComplete: { count: cfg.BUS_KEEP_COMPLETED },
      removeOnFail: { age: cfg.BUS_KEEP_FAILED_SECONDS },
    };
  }

  get allQueues(): Queue[] {
    return [...this.queues.values()];
  }

  relayBatch(): Promise<RelayOutcome> {
    return this.db.transaction(async (query) => {
      const { rows: [{ locked }] } = await query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(1, hashtext($1)) AS locked', [
        this.table,
      ]);
      if (!locked) return 'contended';
      // Taking and marking the batch is one statement: the mark is only seen (and the rows only
      // leave the backlog) when the transaction commits, which happens after Redis accepted them.
      const { rows } = await query<OutboxRow>(
        `UPDATE ${this.table} o SET relayed_at = now() FROM (
           SELECT seq FROM ${this.table} WHERE relayed_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED) batch
         WHERE o.seq = batch.seq
         RETURNING o.seq, o.id, o.type, o.aggregate_id, o.version, o.payload, o.correlation_id, o.causation_id, o.occurred_at`,
        [this.cfg.BUS_RELAY_BATCH_SIZE],
      );
      // RETURNING follows no ORDER BY; publishing order is commit order, so sort by seq here.
      rows.sort((a, b) => a.seq.length - b.seq.length || (a.seq < b.seq ? -1 : 1)); // bigint as text
      if (rows.length > 0) await this.publish(rows);
      if (rows.length === 0) return 'empty';
      return rows.length < this.cfg.BUS_RELAY_BATCH_SIZE ? 'partial' : 'full';
    });
  }

  /** Deletes relayed rows past retention; the number deleted. */
  async prune(): Promise<number> {
    const { rowCount } = await this.db.query(
      `DELETE FROM ${this.table} WHERE seq IN (SELECT seq FROM ${this.table}
       WHERE relayed_at < now() - make_interval(hours => $1) LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
      [this.cfg.BUS_OUTBOX_RETENTION_HOURS],
    );
    return rowCount;
  }

  async queueCounts(): Promise<QueueCounts> {
    const counts: QueueCounts = {};
    for (const [name, queue] of this.queues) counts[name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return counts;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.allQueues.map((q) => q.close()));
    this.queues.clear();
  }

  private async publish(rows: OutboxRow[]): Promise<void> {
    const byQueue = new Map<string, { name: string; data: AnyEvent; opts: JobsOptions }[]>();
    for (const row of rows) {
      const event = {
        id: row.id, type: row.type, occurredAt: row.occurred_at.toISOString(), aggregateId: row.aggregate_id,
        version: row.version, payload: row.payload, ...(row.correlation_id ? { correlationId: row.correlation_id } : {}),
        ...(row.causation_id ? { causationId: row.causation_id } : {}),
      } as AnyEvent;
      for (const consumer of consumersOf(row.type)) {
        const jobs = byQueue.get(QUEUES[consumer]) ?? [];
        jobs.push({ name: row.type, data: event, opts: { ...this.jobOptions, jobId: row.id } });
        byQueue.set(QUEUES[consumer], jobs);
      }
    }
    const adds = [...byQueue].map(async ([name, jobs]) => {
      await this.queues.get(name)!.addBulk(jobs);
      this.onPublished(name, jobs.length);
    });
    await withTimeout(Promise.all(adds), this.cfg.BUS_PUBLISH_TIMEOUT_MS, 'publishing to Redis');
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
