import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { Queue, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { JOB_QUEUES } from '@capmatch/contracts';
import { coreConfig } from '@capmatch/platform';
import { PartnershipSaga } from './partnership-saga.service';

/**
 * Expiry of pending partnerships: one BullMQ delayed job per partnership, keyed by its id (so
 * scheduling twice is one job), kept in Redis, so it fires after a restart too. Scheduled in
 * the accept's transaction, before the commit: a rolled-back accept leaves a job that finds no
 * pending partnership and does nothing, while a crash after the commit cannot lose the job.
 * The job decides nothing itself: it asks the saga, which ends the partnership only if it is
 * still pending.
 */
@Injectable()
export class PartnershipExpiry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PartnershipExpiry.name);
  private readonly producer: IORedis;
  private readonly queue: Queue;
  private workerRedis?: IORedis;
  private worker?: Worker;

  constructor(
    @Inject(coreConfig.KEY) private readonly core: ConfigType<typeof coreConfig>,
    private readonly saga: PartnershipSaga,
  ) {
    this.producer = new IORedis(core.REDIS_URL, { maxRetriesPerRequest: 1, connectionName: 'capmatch-matching-expiry' });
    this.producer.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.queue = new Queue(JOB_QUEUES.partnershipExpiry, { connection: this.producer, prefix: core.QUEUE_PREFIX });
  }

  async schedule(partnershipId: string, at: Date): Promise<void> {
    await this.queue.add(
      'expire',
      { partnershipId },
      {
        jobId: partnershipId,
        delay: Math.max(0, at.getTime() - Date.now()),
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    );
  }

  onApplicationBootstrap(): void {
    this.workerRedis = new IORedis(this.core.REDIS_URL, { maxRetriesPerRequest: null, connectionName: 'capmatch-matching-expiry-worker' });
    this.workerRedis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.worker = new Worker(JOB_QUEUES.partnershipExpiry, (job: Job<{ partnershipId: string }>) => this.run(job), {
      connection: this.workerRedis,
      prefix: this.core.QUEUE_PREFIX,
      concurrency: 4,
    });
    this.worker.on('error', (error) => this.logger.warn(`Expiry worker: ${error.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close().catch(() => undefined);
    await this.queue.close().catch(() => undefined);
    await this.workerRedis?.quit().catch(() => this.workerRedis?.disconnect());
    await this.producer.quit().catch(() => this.producer.disconnect());
  }

  private async run(job: Job<{ partnershipId: string }>): Promise<void> {
    await this.saga.expire(job.data.partnershipId);
  }
}
