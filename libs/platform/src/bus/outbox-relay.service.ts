import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { coreConfig } from '../config/core.config';
import { busConfig } from './bus.config';
import { BUS_SCHEMA, quoteSchema } from './bus.constants';
import { busMetrics } from './bus-metrics';
import type { RelayOutcome } from './relay-core';
import { typeormRelayDb } from './relay-db';
import { RelayRuntime, type RelayHandle, type RelaySettings } from './relay-runtime';
import { RelayThread } from './relay-thread';
import { clientConfigOf } from './pg-listener';

export type { RelayOutcome } from './relay-core';

/**
 * Moves committed outbox rows to the BullMQ queue of every consumer of their type (the pass
 * itself: relay-core.ts; when it runs: relay-loop.ts). With BUS_RELAY_THREAD=true it runs in a
 * worker thread of its own with its own Postgres and Redis connections (relay-thread.ts),
 * otherwise in the service's thread on TypeORM's pool; the guarantees are the same.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private relay?: RelayHandle;
  private stopScrape: (() => void)[] = [];

  constructor(
    @Inject(BUS_SCHEMA) private readonly schema: string,
    private readonly dataSource: DataSource,
    @Inject(busConfig.KEY) private readonly cfg: ConfigType<typeof busConfig>,
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
  ) {}

  /** True when the relay runs in a worker thread of its own. */
  get threaded(): boolean {
    return this.relay instanceof RelayThread;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { REDIS_URL, REDIS_CLUSTER, QUEUE_PREFIX } = this.core;
    const settings: RelaySettings = {
      schema: this.schema,
      redis: { REDIS_URL, REDIS_CLUSTER, QUEUE_PREFIX },
      bus: { ...this.cfg },
      postgres: clientConfigOf(this.dataSource),
    };
    const published = (queue: string, count: number) => busMetrics().relayPublished.inc({ schema: this.schema, queue }, count);
    this.relay = this.cfg.BUS_RELAY_THREAD
      ? new RelayThread(settings, published)
      : new RelayRuntime(settings, typeormRelayDb(this.dataSource), published);
    this.stopScrape = [
      busMetrics().onScrape('backlog', () => this.refreshBacklog()),
      busMetrics().onScrape('queues', () => this.refreshQueueDepth()),
    ];
    await this.relay.start();
  }

  /** Stops taking new work, then publishes what is committed while Redis answers. */
  async beforeApplicationShutdown(): Promise<void> {
    const relay = this.relay;
    if (!relay) return; // never started (boot failed before the bootstrap hook)
    this.relay = undefined;
    this.stopScrape.forEach((stop) => stop());
    await relay.stop();
  }

  /** Wakes the relay now (tests and tools; the NOTIFY listener does it in production). */
  wake(): void {
    this.relay?.wake();
  }

  /** One relay pass now, beside the loop (tests and tools). */
  relayBatch(): Promise<RelayOutcome> {
    if (!this.relay) return Promise.reject(new Error('the outbox relay is not running'));
    return this.relay.pass();
  }

  private async refreshBacklog(): Promise<void> {
    const table = `${quoteSchema(this.schema)}.outbox`;
    const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE relayed_at IS NULL`);
    busMetrics().outboxBacklog.set({ schema: this.schema }, n);
  }

  private async refreshQueueDepth(): Promise<void> {
    if (!this.relay) return;
    const metrics = busMetrics();
    for (const [queue, counts] of Object.entries(await this.relay.queueCounts())) {
      for (const [state, count] of Object.entries(counts)) metrics.queueJobs.set({ queue, state }, count);
    }
  }
}
