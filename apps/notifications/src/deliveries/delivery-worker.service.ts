import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DelayedError, Worker, type Job } from 'bullmq';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { bullReady, busRedis, closeRedis, coreConfig, settled } from '@capmatch/platform';
import { notificationsConfig } from '../notifications.config';
import { ReceiverPolicy } from '../webhooks/receiver-policy';
import { SecretBox } from '../webhooks/secret-box';
import { nextDelayMs } from './backoff';
import { DELIVERY_QUEUE, type DeliveryJobData } from './delivery-queue';
import { DeliveryRecorder } from './delivery-recorder.service';
import { HostLimiter } from './host-limiter';
import { signedHeaders } from './signature';
import { sendWebhook, type SendResult } from './webhook-sender';
import { webhookMetrics } from './webhook-metrics';

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  event_type: string;
  body: string;
  occurred_at: Date;
  status: string;
  attempts: number;
  next_attempt_at: Date | null;
  url: string;
  secret: string;
  enabled: boolean;
}

/** How long a delivery whose receiver's line is full waits before it looks again (plus jitter). */
const BUSY_RETRY_MS = 100;

/**
 * Sends deliveries. Postgres holds the truth (attempt count, next attempt, outcome); BullMQ
 * only schedules: a failed attempt moves the same job (same id, same webhook-id header) to the
 * delayed set until its next attempt, so retries survive restarts, and a job run twice after a
 * crash finds its attempt already recorded.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryWorker.name);
  private readonly limiter: HostLimiter;
  private worker?: Worker<DeliveryJobData>;
  private redis?: IORedis;
  private lastErrorLog = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly recorder: DeliveryRecorder,
    private readonly policy: ReceiverPolicy,
    private readonly secrets: SecretBox,
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
    @Inject(notificationsConfig.KEY) private readonly cfg: ConfigType<typeof notificationsConfig>,
  ) {
    this.limiter = new HostLimiter(cfg.WEBHOOK_HOST_CONCURRENCY);
    webhookMetrics(); // registered at boot, so /metrics shows them before the first delivery
  }

  onApplicationBootstrap(): void {
    this.redis = busRedis(this.core.REDIS_URL, 'worker', 'capmatch-webhook-worker');
    this.worker = new Worker<DeliveryJobData>(DELIVERY_QUEUE, (job, token) => this.process(job, token), {
      connection: this.redis,
      prefix: this.core.QUEUE_PREFIX,
      concurrency: this.cfg.WEBHOOK_CONCURRENCY,
      // An attempt lasts WEBHOOK_TIMEOUT_MS at most; the lock outlives it comfortably.
      lockDuration: Math.max(30_000, this.cfg.WEBHOOK_TIMEOUT_MS * 3),
      maxStalledCount: 10,
    });
    this.worker.on('error', (error) => this.reportError(error));
    this.worker.on('failed', (job, error) => this.logger.error(`Delivery job ${job?.id} failed: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await settled(this.redis);
    await bullReady(this.worker);
    await this.worker?.close();
    await closeRedis(this.redis);
  }

  async process(job: Job<DeliveryJobData>, token?: string): Promise<void> {
    const delivery = await this.load(job.data.deliveryId);
    if (!delivery || delivery.status !== 'pending') return; // deleted webhook, or already finished
    if (!delivery.enabled) {
      await this.recorder.skip(delivery.id);
      webhookMetrics().skipped.inc();
      return;
    }
    const url = new URL(delivery.url);
    if (!(await this.limiter.acquire(url.origin))) return this.later(job, token, Date.now() + BUSY_RETRY_MS * (1 + Math.random()));
    const attempt = delivery.attempts + 1;
    const startedAt = new Date();
    let result: SendResult;
    try {
      result = await this.attempt(delivery, url);
    } finally {
      this.limiter.release(url.origin);
    }
    const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
    if (!ok && !result.error) result = { ...result, error: `answered ${result.statusCode}` };
    const delay = ok ? null : nextDelayMs(this.cfg, attempt);
    const recorded = await this.recorder.record({
      deliveryId: delivery.id,
      webhookId: delivery.webhook_id,
      eventId: delivery.event_id,
      eventType: delivery.event_type,
      attempt,
      startedAt,
      result,
      outcome: ok ? 'delivered' : delay === null ? 'failed' : 'retrying',
      nextAttemptAt: delay === null ? null : new Date(Date.now() + delay),
    });
    if (recorded.kind === 'stale') return;
    webhookMetrics().attempts.inc({ outcome: recorded.outcome });
    webhookMetrics().attemptSeconds.observe({ outcome: recorded.outcome }, result.durationMs / 1000);
    if (recorded.outcome === 'delivered') {
      webhookMetrics().latencySeconds.observe((Date.now() - delivery.occurred_at.getTime()) / 1000);
    }
    if (recorded.outcome === 'retrying' && delay !== null) return this.later(job, token, Date.now() + delay);
  }

  /** Checks the receiver's address again (DNS rebinding), signs with this attempt's timestamp and sends. */
  private async attempt(delivery: DeliveryRow, url: URL): Promise<SendResult> {
    const started = performance.now();
    try {
      const address = await this.policy.resolve(url);
      const secret = this.secrets.open(delivery.secret);
      const headers = signedHeaders(secret, delivery.event_id, Math.floor(Date.now() / 1000), delivery.body);
      return await sendWebhook(url, address, headers, delivery.body, this.cfg.WEBHOOK_TIMEOUT_MS);
    } catch (error) {
      return { statusCode: null, error: `not sent: ${(error as Error).message}`, durationMs: Math.round(performance.now() - started) };
    }
  }

  /** Puts the job back in the delayed set (same id) without counting a BullMQ attempt. */
  private async later(job: Job<DeliveryJobData>, token: string | undefined, at: number): Promise<never> {
    await job.moveToDelayed(Math.round(at), token);
    throw new DelayedError();
  }

  private async load(id: string): Promise<DeliveryRow | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT d.id, d.webhook_id, d.event_id, d.event_type, d.body, d.occurred_at, d.status, d.attempts, d.next_attempt_at,
              w.url, w.secret, w.enabled
         FROM notifications.deliveries d JOIN notifications.webhooks w ON w.id = d.webhook_id
        WHERE d.id = $1`,
      [id],
    )) as DeliveryRow[];
    return rows[0];
  }

  private reportError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 60_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Webhook worker: ${error.message}`);
  }
}
