import { Logger } from '@nestjs/common';
import type { ClientConfig } from 'pg';
import type { RedisClient, RedisSettings } from '../redis/redis-connection';
import type { BusSettings } from './bus.config';
import { outboxChannel } from './bus.constants';
import { bullReady, busRedis, checkEvictionPolicy, closeRedis, settled } from './bus-redis';
import { RelayCore, type QueueCounts, type RelayOutcome } from './relay-core';
import type { RelayDb } from './relay-db';
import { RelayLoop } from './relay-loop';
import { PgListener } from './pg-listener';

/** What a relay needs to know, whichever thread it runs in (structured-clonable). */
export interface RelaySettings {
  schema: string;
  redis: RedisSettings & { QUEUE_PREFIX: string };
  bus: BusSettings;
  /** Postgres connection settings: the NOTIFY listener's own connection, and the relay thread's. */
  postgres: ClientConfig;
}

/** The relay as the OutboxRelay provider drives it: in its own thread (RelayThread) or in this one (RelayRuntime). */
export interface RelayHandle {
  start(): Promise<void>;
  wake(): void;
  /** One pass now, beside the loop (tests and tools). */
  pass(): Promise<RelayOutcome>;
  queueCounts(): Promise<QueueCounts>;
  /** Stops taking new work, then publishes what is committed while Redis answers. */
  stop(): Promise<void>;
}

/**
 * The relay itself: its Redis producer connection and queues, the loop that decides when a pass
 * runs, and the LISTEN connection that wakes it at every outbox commit.
 */
export class RelayRuntime implements RelayHandle {
  private readonly logger = new Logger('OutboxRelay');
  private readonly redis: RedisClient;
  private readonly core: RelayCore;
  private readonly loop: RelayLoop;
  private readonly listener: PgListener;
  private started = false;

  constructor(
    settings: RelaySettings,
    db: RelayDb,
    onPublished: (queue: string, count: number) => void,
  ) {
    const { schema, redis, bus } = settings;
    this.redis = busRedis(redis, 'producer', `capmatch-relay-${schema}`);
    this.core = new RelayCore(schema, db, this.redis, redis.QUEUE_PREFIX, bus, onPublished);
    this.loop = new RelayLoop(() => this.core.relayBatch(), bus, `outbox relay (${schema})`);
    this.listener = new PgListener(settings.postgres, outboxChannel(schema), () => this.loop.wake());
  }

  async start(): Promise<void> {
    this.started = true;
    void this.redis.once('ready', () => void checkEvictionPolicy(this.redis));
    this.listener.start();
    this.loop.start(async () => {
      const pruned = await this.core.prune();
      if (pruned > 0) this.logger.log(`Pruned ${pruned} relayed outbox rows`);
    });
  }

  wake(): void {
    this.loop.wake();
  }

  pass(): Promise<RelayOutcome> {
    return this.core.relayBatch();
  }

  queueCounts(): Promise<QueueCounts> {
    return this.core.queueCounts();
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await settled(this.redis);
    await this.listener.stop();
    await this.loop.stopAndFlush();
    await Promise.all(this.core.allQueues.map((q) => bullReady(q)));
    await this.core.close();
    await closeRedis(this.redis);
  }
}
