import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { PgListener, RelayLoop, bullReady, busConfig, busRedis, clientConfigOf, closeRedis, coreConfig, settled } from '@capmatch/platform';
import { notificationsConfig } from '../notifications.config';
import { DELIVERY_JOB, DELIVERY_QUEUE, type DeliveryJobData } from './delivery-queue';
import { DELIVERY_CHANNEL } from './fan-out.service';

const BATCH = 500;
/** A pending delivery this far past its next attempt has lost its job. */
const OVERDUE_MINUTES = 10;

/**
 * The outbox relay of deliveries: hands every delivery row not yet queued to BullMQ (job id =
 * delivery id, so a batch published twice after a failed commit adds nothing), woken by the
 * NOTIFY of the transaction that wrote them, with the bus's polling fallback and backoff. Rows
 * are taken FOR UPDATE SKIP LOCKED, so several instances share the work.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly loop: RelayLoop;
  private readonly listener: PgListener;
  private redis?: IORedis;
  private queue?: Queue<DeliveryJobData>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(busConfig.KEY) bus: ConfigType<typeof busConfig>,
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
    @Inject(notificationsConfig.KEY) private readonly cfg: ConfigType<typeof notificationsConfig>,
  ) {
    this.loop = new RelayLoop(() => this.pass(), bus, 'webhook dispatcher');
    this.listener = new PgListener(clientConfigOf(dataSource), DELIVERY_CHANNEL, () => this.loop.wake(), 'capmatch-webhook-dispatcher');
  }

  onApplicationBootstrap(): void {
    this.redis = busRedis(this.core.REDIS_URL, 'producer', 'capmatch-webhook-dispatcher');
    this.queue = new Queue<DeliveryJobData>(DELIVERY_QUEUE, { connection: this.redis, prefix: this.core.QUEUE_PREFIX });
    this.queue.on('error', () => undefined); // the connection reports outages itself
    this.listener.start();
    this.loop.start(() => this.prune());
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    await settled(this.redis);
    await this.listener.stop();
    await this.loop.stopAndFlush();
    await bullReady(this.queue);
    await this.queue?.close().catch(() => undefined);
    await closeRedis(this.redis);
  }

  private async pass(): Promise<'empty' | 'partial' | 'full'> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, next_attempt_at FROM notifications.deliveries WHERE queued_at IS NULL
          ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH],
      )) as Array<{ id: string; next_attempt_at: Date | null }>;
      if (rows.length === 0) return 'empty';
      const now = Date.now();
      await this.queue!.addBulk(
        rows.map((r) => ({
          name: DELIVERY_JOB,
          data: { deliveryId: r.id },
          opts: {
            jobId: r.id,
            delay: Math.max(0, (r.next_attempt_at?.getTime() ?? now) - now),
            // Only for failures of our own (Postgres away while recording): a receiver's failures
            // are retried on the webhook schedule, without counting BullMQ attempts.
            attempts: 20,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: true,
            removeOnFail: { age: 24 * 3600 },
          },
        })),
      );
      await manager.query(`UPDATE notifications.deliveries SET queued_at = now() WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      return rows.length === BATCH ? 'full' : 'partial';
    });
  }

  /**
   * Every few minutes (the relay loop's pruning timer): finished deliveries (and their attempts)
   * older than WEBHOOK_RETENTION_DAYS go, and a pending delivery long past its next attempt
   * whose job Redis no longer has (lost with an unpersisted Redis) is queued again; one whose
   * job still exists is left alone, since adding an existing job id adds nothing.
   */
  private async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM notifications.deliveries WHERE finished_at < now() - make_interval(days => $1)`,
      [this.cfg.WEBHOOK_RETENTION_DAYS],
    );
    await this.dataSource.query(
      `UPDATE notifications.deliveries SET queued_at = NULL
        WHERE status = 'pending' AND queued_at IS NOT NULL AND next_attempt_at < now() - make_interval(mins => $1)`,
      [OVERDUE_MINUTES],
    );
    this.loop.wake();
  }
}
