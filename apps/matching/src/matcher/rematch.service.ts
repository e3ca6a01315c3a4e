import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, type EntityManager } from 'typeorm';
import { clientConfigOf, PgListener } from '@capmatch/platform';
import { matchingConfig } from '../matching.config';
import { REMATCH_CHANNEL, SuggestionStore } from '../store/suggestion-store';
import { lockGateShared, lockRequest, PROJECTION_CHANNEL } from './match-locks';
import { ProjectionIndex } from './projection-index.service';
import { Reconciler } from './reconciler.service';

/**
 * Re-matching of requests outside their own events (a partnership of theirs ended, or an offer
 * batch could not take their lock). The transaction queues them in `pending_rematch`, so a
 * crash after the commit loses nothing, and its commit NOTIFYs every instance, which drains the
 * queue at once (the poll is the fallback when a NOTIFY is lost). The ending instance also
 * re-matches its requests right after its commit.
 *
 * It also owns the index's life cycle: the full load at start-up and the proactive pulls on
 * NOTIFY from other instances' projection writes.
 */
@Injectable()
export class RematchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RematchService.name);
  private timer?: NodeJS.Timeout;
  private listener?: PgListener;
  private rematchListener?: PgListener;
  private draining?: Promise<void>;
  /** A NOTIFY came while a drain was under way: it goes on until the queue is seen empty after it. */
  private again = false;
  private pulling = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly suggestions: SuggestionStore,
    @Inject(matchingConfig.KEY) private readonly cfg: ConfigType<typeof matchingConfig>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.index.sync(this.dataSource.manager, false);
    this.logger.log(`Index loaded: ${this.index.engine.offerCount} matchable offers`);
    // Losing the listener only costs freshness: matching syncs under its locks before it reads.
    this.listener = new PgListener(
      clientConfigOf(this.dataSource),
      PROJECTION_CHANNEL,
      () => void this.pull(),
      'capmatch-matching-listener',
    );
    this.listener.start();
    this.rematchListener = new PgListener(clientConfigOf(this.dataSource), REMATCH_CHANNEL, () => void this.drain(), 'capmatch-matching-rematch');
    this.rematchListener.start();
    this.timer = setInterval(() => void this.drain(), this.cfg.MATCH_REMATCH_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.listener?.stop();
    await this.rematchListener?.stop();
    await this.draining;
  }

  /** Queues requests for re-matching inside the caller's transaction. */
  async enqueue(manager: EntityManager, requestIds: readonly string[]): Promise<void> {
    await this.suggestions.enqueueRematch(manager, requestIds);
  }

  /** Re-matches these requests now (each in its own short transaction) and dequeues them. */
  async rematch(requestIds: readonly string[]): Promise<void> {
    for (const id of [...new Set(requestIds)].sort()) {
      await this.dataSource.transaction(async (manager) => {
        await lockGateShared(manager);
        await lockRequest(manager, id);
        await this.suggestions.dequeueRematch(manager, id);
        await this.index.sync(manager);
        await this.reconciler.reconcile(manager, [id]);
      });
    }
  }

  /** Works through the queue; several instances share it (SKIP LOCKED). */
  drain(): Promise<void> {
    if (this.draining) this.again = true;
    this.draining ??= this.drainLoop().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainLoop(): Promise<void> {
    try {
      for (;;) {
        this.again = false;
        const done = await this.dataSource.transaction(async (manager) => {
          await lockGateShared(manager);
          const claimed = await this.suggestions.claimRematch(manager);
          if (claimed === null) return !this.again;
          await lockRequest(manager, claimed);
          await this.index.sync(manager);
          await this.reconciler.reconcile(manager, [claimed]);
          return false;
        });
        if (done) return;
      }
    } catch (error) {
      this.logger.warn(`Re-match pass failed, retried on the next poll: ${(error as Error).message}`);
    }
  }

  private async pull(): Promise<void> {
    if (this.pulling) return;
    this.pulling = true;
    try {
      await this.index.sync(this.dataSource.manager, false);
    } catch (error) {
      this.logger.warn(`Proactive index pull failed: ${(error as Error).message}`);
    } finally {
      this.pulling = false;
    }
  }
}
