import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource, type EntityManager } from 'typeorm';
import { clientConfigOf, PgListener } from '@capmatch/platform';
import { matchingConfig } from '../matching.config';
import { SuggestionStore } from '../store/suggestion-store';
import { lockGateShared, lockRequest, PROJECTION_CHANNEL } from './match-locks';
import { ProjectionIndex } from './projection-index.service';
import { Reconciler } from './reconciler.service';

/**
 * Re-matching of requests outside their own events (a partnership of theirs ended). The ending
 * queues them in `pending_rematch` in its own transaction, so a crash after the commit loses
 * nothing: any instance's poll picks them up. The ending instance re-matches them right after
 * its commit.
 *
 * It also owns the index's life cycle: the full load at start-up and the proactive pulls on
 * NOTIFY from other instances' projection writes.
 */
@Injectable()
export class RematchService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RematchService.name);
  private timer?: NodeJS.Timeout;
  private listener?: PgListener;
  private draining?: Promise<void>;
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
    this.timer = setInterval(() => void this.drain(), this.cfg.MATCH_REMATCH_POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.listener?.stop();
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
    this.draining ??= this.drainLoop().finally(() => (this.draining = undefined));
    return this.draining;
  }

  private async drainLoop(): Promise<void> {
    try {
      for (;;) {
        const done = await this.dataSource.transaction(async (manager) => {
          await lockGateShared(manager);
          const claimed = await this.suggestions.claimRematch(manager);
          if (claimed === null) return true;
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
