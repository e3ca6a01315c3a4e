import { Logger } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';
import type { EventHandlerFn } from './handler-registry';
import type { PoolClient, QueryResult } from 'pg';
import type { CheckRow, InboxGate } from './inbox-gate';
import { acceptBeforeCommit, runBeforeCommit } from './before-commit';
import { RequestContext } from './request-context';

const LINGER_MS = 2;

/**
 * Tells a TypeORM query runner that a transaction is open, as its startTransaction() would
 * (typeorm 0.3 PostgresQueryRunner: isTransactionActive and transactionDepth), for a
 * transaction started by a query of our own. Handlers' managers then behave as inside
 * dataSource.transaction(): save() opens no transaction of its own, a nested transaction()
 * becomes a savepoint, and commitTransaction()/rollbackTransaction() end it.
 */
function markTransactionStarted(runner: QueryRunner): void {
  Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
}

interface Pending {
  event: AnyEvent;
  handler: EventHandlerFn;
  lane: string | undefined;
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
 *
 * Events of a named lane (HandlesEventOptions) go into batches of their own lane only, and a
 * lane has one batch running at a time: a burst of such events takes one transaction slot,
 * never all of them, while the other events keep their order among themselves.
 */
export class EventBatcher {
  private readonly logger = new Logger(EventBatcher.name);
  private readonly waiting: Pending[] = [];
  private running = 0;
  private readonly busyLanes = new Set<string>();
  private linger?: NodeJS.Timeout;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: InboxGate,
    private readonly consumer: string,
    private readonly batchSize: number,
    private readonly parallel: number,
  ) {}

  handle(event: AnyEvent, handler: EventHandlerFn, lane?: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ event, handler, lane, resolve, reject });
      this.next();
    });
  }

  private next(force = false): void {
    while (this.running < this.parallel) {
      // The first waiting event whose lane has no batch running decides the lane of the next batch.
      const first = this.waiting.find((p) => p.lane === undefined || !this.busyLanes.has(p.lane));
      if (first === undefined) return;
      const lane = first.lane;
      const ready = this.waiting.filter((p) => p.lane === lane);
      // While a transaction is busy a partial batch lingers briefly to fill up: that is where
      // the batching comes from, since BullMQ hands jobs over one at a time.
      if (this.running > 0 && ready.length < this.batchSize && !force) {
        this.linger ??= setTimeout(() => {
          this.linger = undefined;
          this.next(true);
        }, LINGER_MS);
        return;
      }
      force = false;
      const batch = ready.slice(0, this.batchSize);
      const taken = new Set(batch);
      for (let i = this.waiting.length - 1; i >= 0; i--) if (taken.has(this.waiting[i])) this.waiting.splice(i, 1);
      this.running += 1;
      if (lane !== undefined) this.busyLanes.add(lane);
      void this.runBatch(batch).finally(() => {
        this.running -= 1;
        if (lane !== undefined) this.busyLanes.delete(lane);
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

  /**
   * One transaction for a batch in two round trips: START TRANSACTION with the aggregates'
   * locks and the inbox check (one simple-protocol query on the pg client under the query
   * runner, InboxGate.admitStatements; the check is prepared once per connection), and COMMIT
   * after the handlers. Through TypeORM's
   * transaction() and parameterised statements that would be four round trips, and on a busy
   * machine each one costs as much as the work.
   */
  private async transaction(batch: Pending[]): Promise<void> {
    const events = batch.map((p) => p.event);
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      await this.inbox.prepare(client);
      markTransactionStarted(runner);
      acceptBeforeCommit(runner.manager);
      const results = (await client.query(`START TRANSACTION; ${this.inbox.admitStatements(this.consumer, events)}`)) as unknown as QueryResult<CheckRow>[];
      const verdicts = this.inbox.verdicts(events, results[results.length - 1].rows[0]);
      for (const [i, { event, handler }] of batch.entries()) {
        if (verdicts[i] !== 'new') {
          this.logger.debug(`Skipped ${verdicts[i]} event ${event.id} (${event.type} ${event.aggregateId} v${event.version})`);
          continue;
        }
        await RequestContext.run({ requestId: event.correlationId, causationId: event.id }, () => handler(event, runner.manager));
      }
      // Work the handlers deferred to once per batch (before-commit.ts), in the same transaction.
      await runBeforeCommit(runner.manager);
      await runner.commitTransaction();
    } catch (error) {
      // ROLLBACK also ends a transaction whose start failed half-way (no transaction: a warning only).
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
