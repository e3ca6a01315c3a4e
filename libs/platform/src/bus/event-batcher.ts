import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';
import type { EventHandlerFn } from './handler-registry';
import type { InboxGate } from './inbox-gate';
import { acceptBeforeCommit, runBeforeCommit } from './before-commit';
import { RequestContext } from './request-context';

const LINGER_MS = 2;

interface Pending {
  event: AnyEvent;
  handler: EventHandlerFn;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the worker: the jobs BullMQ hands over while a transaction is busy wait and
 * go together into the next one (at most `batchSize` events, at most `parallel` transactions
 * at once). One commit, one inbox statement and one lock statement then serve many events,
 * which is what makes the bus keep up with raw BullMQ. Handlers still run one after the other,
 * in arrival order, each in its own correlation context. If anything in a batch fails, the
 * batch is rolled back and each of its events is handled again in its own transaction, so a
 * failing handler fails (and retries) only its own job. Handlers may defer work to the end of
 * the batch's transaction (before-commit.ts), e.g. to do it once for all the batch's events.
 */
export class EventBatcher {
  private readonly logger = new Logger(EventBatcher.name);
  private readonly waiting: Pending[] = [];
  private running = 0;
  private linger?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxGate,
    private readonly consumer: string,
    private readonly batchSize: number,
    private readonly parallel: number,
  ) {}

  handle(event: AnyEvent, handler: EventHandlerFn): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, handler, resolve, reject });
      this.next();
    });
  }

  private next(force = false): void {
    while (this.running < this.parallel && this.waiting.length > 0) {
      // While a transaction is busy a partial batch lingers briefly to fill up: that is where
      // the batching comes from, since BullMQ hands jobs over one at a time.
      if (this.running > 0 && this.waiting.length < this.batchSize && !force) {
        this.linger ??= setTimeout(() => {
          this.linger = undefined;
          this.next(true);
        }, LINGER_MS);
        return;
      }
      force = false;
      const batch = this.waiting.splice(0, this.batchSize);
      this.running += 1;
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        this.next();
      });
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    try {
      await this.transaction(batch);
      batch.forEach((p) => p.resolve());
    } catch (error) {
      if (batch.length === 1) return batch[0].reject(error);
      this.logger.debug(`Batch of ${batch.length} failed (${(error as Error).message}); handling one by one`);
      for (const pending of batch) {
        await this.transaction([pending]).then(pending.resolve, pending.reject);
      }
    }
  }

  private transaction(batch: Pending[]): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      acceptBeforeCommit(manager);
      const verdicts = await this.inbox.admit(manager, this.consumer, batch.map((p) => p.event));
      for (const [i, { event, handler }] of batch.entries()) {
        if (verdicts[i] !== 'new') {
          this.logger.debug(`Skipped ${verdicts[i]} event ${event.id} (${event.type} ${event.aggregateId} v${event.version})`);
          continue;
        }
        await RequestContext.run({ requestId: event.correlationId, causationId: event.id }, () => handler(event, manager));
      }
      // Work the handlers deferred to once per batch (before-commit.ts), in the same transaction.
      await runBeforeCommit(manager);
    });
  }
}
