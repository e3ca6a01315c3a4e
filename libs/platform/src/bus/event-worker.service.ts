import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { RedisClient } from '../redis/redis-connection';
import { DataSource } from 'typeorm';
import { QUEUES, validateEvent, type AnyEvent, type ServiceName } from '@capmatch/contracts';
import { coreConfig } from '../config/core.config';
import { busConfig, transactionSlots } from './bus.config';
import { BUS_SERVICE } from './bus.constants';
import { busMetrics } from './bus-metrics';
import { bullReady, busRedis, closeRedis, settled } from './bus-redis';
import { HandlerRegistry } from './handler-registry';
import { InboxGate } from './inbox-gate';
import { EventBatcher } from './event-batcher';

/**
 * The one BullMQ worker of a service, on its own queue. Each job: validate the envelope and
 * payload (a bad one can never succeed, so it fails at once with the list of bad fields), then
 * in one transaction (shared with other jobs running at the same moment, see EventBatcher)
 * pass the inbox gate and run the handler with that transaction's manager. A throwing handler
 * rolls its inbox row back too, so the retry runs the handler again.
 */
@Injectable()
export class EventWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EventWorker.name);
  private readonly queueName: string;
  private worker?: Worker;
  private redis?: RedisClient;
  private lastErrorLog = 0;
  private readonly batcher: EventBatcher;

  constructor(
    @Inject(BUS_SERVICE) private readonly service: ServiceName,
    private readonly dataSource: DataSource,
    private readonly registry: HandlerRegistry,
    private readonly inbox: InboxGate,
    @Inject(busConfig.KEY) private readonly cfg: ConfigType<typeof busConfig>,
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
  ) {
    this.queueName = QUEUES[service];
    const parallel = transactionSlots(cfg, core.DB_POOL_SIZE);
    this.batcher = new EventBatcher(dataSource, inbox, service, cfg.BUS_HANDLER_BATCH, parallel);
  }

  onApplicationBootstrap(): void {
    if (this.registry.subscribedTypes.length === 0) return;
    this.redis = busRedis(this.core, 'worker', `capmatch-worker-${this.service}`);
    this.worker = new Worker(this.queueName, (job: Job) => this.process(job), {
      connection: this.redis,
      prefix: this.core.QUEUE_PREFIX,
      concurrency: this.cfg.BUS_CONCURRENCY,
      lockDuration: this.cfg.BUS_LOCK_DURATION_MS,
      // How soon the jobs of a crashed worker (lock no longer renewed) go back to the wait list.
      stalledInterval: Math.min(30_000, this.cfg.BUS_LOCK_DURATION_MS),
      removeOnComplete: { count: this.cfg.BUS_KEEP_COMPLETED },
      removeOnFail: { age: this.cfg.BUS_KEEP_FAILED_SECONDS },
    });
    this.worker.on('error', (error) => this.reportError(error));
    this.worker.on('completed', (job) => busMetrics().jobsCompleted.inc({ queue: this.queueName, type: job.name }));
    this.worker.on('failed', (job, error) => this.failed(job, error));
  }

  /** Lets the jobs in hand finish (their transactions commit), takes no new ones. */
  async beforeApplicationShutdown(): Promise<void> {
    await settled(this.redis);
    await bullReady(this.worker);
    await this.worker?.close();
    await closeRedis(this.redis);
  }

  async process(job: Job): Promise<void> {
    let event: AnyEvent;
    try {
      event = validateEvent(job.data);
    } catch (error) {
      throw new UnrecoverableError(`Invalid event in job ${job.id}: ${(error as Error).message}`);
    }
    const handler = this.registry.handlerFor(event.type);
    if (!handler) throw new UnrecoverableError(`Service ${this.service} does not handle "${event.type}"`);
    await this.batcher.handle(event, handler, this.registry.laneFor(event.type));
  }

  /** While Redis is away BullMQ reports every reconnect attempt: one line per minute is enough. */
  private reportError(error: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 60_000) return;
    this.lastErrorLog = now;
    this.logger.error(`Worker on ${this.queueName}: ${error.message}`);
  }

  private failed(job: Job | undefined, error: Error): void {
    const final = !job || error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    busMetrics().jobsFailed.inc({ queue: this.queueName, type: job?.name ?? 'unknown', final: String(final) });
    const where = `job ${job?.id} (${job?.name}) attempt ${job?.attemptsMade}`;
    if (final) this.logger.error(`Event ${where} failed for good: ${error.message}`);
    else this.logger.warn(`Event ${where} failed, will retry: ${error.message}`);
  }
}
