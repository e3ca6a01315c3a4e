import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Queue, type JobsOptions } from 'bullmq';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { QUEUES, SERVICES, consumersOf, type AnyEvent, type EventType } from '@capmatch/contracts';
import { coreConfig } from '../config/core.config';
import { busConfig } from './bus.config';
import { BUS_SCHEMA, outboxChannel, quoteSchema } from './bus.constants';
import { busMetrics } from './bus-metrics';
import { bullReady, busRedis, checkEvictionPolicy, closeRedis, settled } from './bus-redis';
import { RelayLoop } from './relay-loop';
import { PgListener, clientConfigOf } from './pg-listener';

interface OutboxRow {
  seq: string; id: string; type: EventType; aggregate_id: string; version: number;
  payload: AnyEvent['payload']; correlation_id: string | null; causation_id: string | null; occurred_at: Date;
}

export type RelayOutcome = 'contended' | 'empty' | 'partial' | 'full';

/**
 * Moves committed outbox rows to the BullMQ queue of every consumer of their type.
 *
 * Order: one relay at a time publishes a schema's outbox (transaction-scoped advisory lock;
 * others skip and retry shortly), in `seq` order, one batch after the other, so the events of
 * one aggregate enter each queue in the order they were committed. Rows are also locked FOR
 * UPDATE SKIP LOCKED so the pruning never races a batch in flight. If the commit after a
 * publish fails the batch is published again: job ids (= event ids) and the consumers' inbox
 * make that harmless.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private readonly table: string;
  private readonly loop: RelayLoop;
  private readonly listener: PgListener;
  private redis?: IORedis;
  private stopScrape: (() => void)[] = [];

  constructor(
    @Inject(BUS_SCHEMA) private readonly schema: string,
    private readonly dataSource: DataSource,
    @Inject(busConfig.KEY) private readonly cfg: ConfigType<typeof busConfig>,
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
  ) {
    this.table = `${quoteSchema(schema)}.outbox`;
    this.loop = new RelayLoop(() => this.relayBatch(), cfg, `outbox relay (${schema})`);
    this.listener = new PgListener(clientConfigOf(dataSource), outboxChannel(schema), () => this.loop.wake());
  }

  async onApplicationBootstrap(): Promise<void> {
    this.redis = busRedis(this.core.REDIS_URL, 'producer', `capmatch-relay-${this.schema}`);
    for (const service of SERVICES) {
      const queue = new Queue(QUEUES[service], { connection: this.redis, prefix: this.core.QUEUE_PREFIX });
      queue.on('error', () => undefined); // the connection already reports outages
      this.queues.set(QUEUES[service], queue);
    }
    void this.redis.once('ready', () => void checkEvictionPolicy(this.redis!));
    this.stopScrape = [
      busMetrics().onScrape('backlog', () => this.refreshBacklog()),
      busMetrics().onScrape('queues', () => this.refreshQueueDepth()),
    ];
    this.listener.start();
    this.loop.start(() => this.prune());
  }

  /** Stops taking new work, then publishes what is committed while Redis answers. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.redis) return; // never started (boot failed before the bootstrap hook)
    await settled(this.redis);
    await this.listener.stop();
    await this.loop.stopAndFlush();
    this.stopScrape.forEach((stop) => stop());
    await Promise.all([...this.queues.values()].map((q) => bullReady(q)));
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
    await closeRedis(this.redis);
  }

  /** Wakes the relay now (tests and tools; the NOTIFY listener does it in production). */
  wake(): void {
    this.loop.wake();
  }

  async relayBatch(): Promise<RelayOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock(1, hashtext($1)) AS locked', [this.table]);
      if (!locked) {
        await runner.rollbackTransaction();
        return 'contended';
      }
      const rows: OutboxRow[] = await runner.query(
        `SELECT seq, id, type, aggregate_id, version, payload, correlation_id, causation_id, occurred_at FROM ${this.table}
         WHERE relayed_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.cfg.BUS_RELAY_BATCH_SIZE],
      );
      if (rows.length > 0) {
        await this.publish(rows);
        await runner.query(`UPDATE ${this.table} SET relayed_at = now() WHERE seq = ANY($1::bigint[])`, [
          rows.map((r) => r.seq),
        ]);
      }
      await runner.commitTransaction();
      if (rows.length === 0) return 'empty';
      return rows.length < this.cfg.BUS_RELAY_BATCH_SIZE ? 'partial' : 'full';
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
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
        jobs.push({ name: row.type, data: event, opts: { ...this.jobOptions(), jobId: row.id } });
        byQueue.set(QUEUES[consumer], jobs);
      }
    }
    const adds = [...byQueue].map(async ([name, jobs]) => {
      await this.queues.get(name)!.addBulk(jobs);
      busMetrics().relayPublished.inc({ schema: this.schema, queue: name }, jobs.length);
    });
    await withTimeout(Promise.all(adds), this.cfg.BUS_PUBLISH_TIMEOUT_MS, 'publishing to Redis');
  }

  private jobOptions(): JobsOptions {
    return {
      attempts: this.cfg.BUS_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.cfg.BUS_BACKOFF_MS },
      removeOnComplete: { count: this.cfg.BUS_KEEP_COMPLETED },
      removeOnFail: { age: this.cfg.BUS_KEEP_FAILED_SECONDS },
    };
  }

  private async prune(): Promise<void> {
    const result: [unknown[], number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE seq IN (SELECT seq FROM ${this.table}
       WHERE relayed_at < now() - make_interval(hours => $1) LIMIT 10000 FOR UPDATE SKIP LOCKED)`,
      [this.cfg.BUS_OUTBOX_RETENTION_HOURS],
    );
    if (result[1] > 0) this.logger.log(`Pruned ${result[1]} relayed outbox rows`);
  }

  private async refreshBacklog(): Promise<void> {
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${this.table} WHERE relayed_at IS NULL`);
    busMetrics().outboxBacklog.set({ schema: this.schema }, n);
  }

  private async refreshQueueDepth(): Promise<void> {
    const metrics = busMetrics();
    for (const [name, queue] of this.queues) {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
      for (const [state, count] of Object.entries(counts)) metrics.queueJobs.set({ queue: name, state }, count);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
