import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import { MatchingEngine, type MatchOffer, type MatchRequest } from '@capmatch/engine';
import { matchingConfig } from '../matching.config';
import { ProjectionStore, type PulledRow } from '../store/projection-store';
import { toMatchOffer, toMatchRequest, type OfferRow, type RequestRow } from './to-match';

/**
 * This instance's in-memory picture of the projections: the engine's offer index plus the
 * requests. It follows the tables, not the events this instance happened to consume: every
 * projection write gets a seq in commit order (match-locks.ts), and `sync` pulls the rows
 * above the last seq seen. Matching code syncs inside its transaction after taking its locks;
 * a NOTIFY makes idle instances pull early so that sync has little left to do.
 *
 * Offers in the index are committed ones only: request work runs beside offer work (under
 * the shared gate), so an offer transaction sees its own uncommitted offers only for the
 * moment it ranks with them (`withOffers`, synchronous). Requests a running transaction wrote
 * are reloaded through it, so later events of a batch see earlier ones.
 */
@Injectable()
export class ProjectionIndex {
  readonly engine: MatchingEngine;
  private readonly requests = new Map<string, MatchRequest>();
  private readonly offers = new Map<string, MatchOffer>();
  private readonly seqOf = new Map<string, number>();
  /** The seq at which each offer's engine view last changed (an edit of its description changes none). */
  private readonly viewSeq = new Map<string, number>();
  private readonly suspects = new Set<string>();
  /** Objects each running transaction wrote: they stay suspect until it is over. */
  private readonly writtenBy = new WeakMap<EntityManager, Set<string>>();
  /** Transactions that synced under the gate. */
  private readonly syncedIn = new WeakSet<EntityManager>();
  private lastSeq = 0;

  constructor(
    @Inject(matchingConfig.KEY) cfg: ConfigType<typeof matchingConfig>,
    private readonly store: ProjectionStore,
  ) {
    this.engine = new MatchingEngine({ topK: cfg.MATCH_TOP_K });
  }

  get topK(): number {
    return this.engine.topK;
  }

  /** The last seq pulled: the index holds every projection row numbered up to it. */
  get seen(): number {
    return this.lastSeq;
  }

  /** Whether the offer's engine view changed in a write numbered after `seq`. */
  offerChangedSince(id: string, seq: number): boolean {
    return (this.viewSeq.get(id) ?? Infinity) > seq;
  }

  /**
   * Runs `fn` with these offer versions in place of the committed ones, then puts those back.
   * `fn` is synchronous, so no other transaction's work can see them in between.
   */
  withOffers<T>(offers: readonly MatchOffer[], fn: () => T): T {
    if (offers.length === 0) return fn();
    const saved = offers.map((o) => this.offers.get(o.id));
    for (const o of offers) this.setOffer(o);
    try {
      return fn();
    } finally {
      offers.forEach((o, i) => {
        const before = saved[i];
        if (before) this.setOffer(before);
        else {
          this.offers.delete(o.id);
          this.engine.removeOffer(o.id);
        }
      });
    }
  }

  request(id: string): MatchRequest | undefined {
    return this.requests.get(id);
  }

  offer(id: string): MatchOffer | undefined {
    return this.offers.get(id);
  }

  *openRequests(): IterableIterator<MatchRequest> {
    for (const r of this.requests.values()) if (r.status === 'open') yield r;
  }

  /**
   * Pulls every projection row written since the last pull. Safe to call concurrently.
   * `underGate` is false for a proactive pull outside any matching lock: it must leave an
   * in-flight transaction's tentative offer alone.
   */
  async sync(manager: EntityManager, underGate = true): Promise<void> {
    if (underGate) this.syncedIn.add(manager);
    if (underGate && this.suspects.size > 0) await this.reload(manager);
    // Reloaded from this transaction's own (uncommitted) rows: still suspect should it roll back.
    for (const id of this.writtenBy.get(manager) ?? []) this.suspects.add(id);
    for (;;) {
      const rows = await this.store.pull(manager, this.lastSeq);
      for (const row of rows) this.apply(row);
      if (rows.length > 0) this.lastSeq = Math.max(this.lastSeq, Number(rows[rows.length - 1].seq));
      if (rows.length < this.store.pageSize) return;
    }
  }

  /**
   * Syncs unless this transaction already did. For request events only: they read offers
   * alone from the index, and an offer committed after the sync is caught by the match fence
   * before this transaction commits (match-fence.ts).
   */
  async syncOnce(manager: EntityManager): Promise<void> {
    if (this.syncedIn.has(manager)) return;
    await this.sync(manager);
  }

  /**
   * Marks objects written by the running transaction. The platform may handle several events
   * in one transaction and roll them all back, after this instance already saw their rows
   * (its own uncommitted writes are visible to it); the next sync reloads them.
   */
  markWritten(manager: EntityManager, id: string): void {
    this.suspects.add(id);
    const mine = this.writtenBy.get(manager);
    if (mine) mine.add(id);
    else this.writtenBy.set(manager, new Set([id]));
  }

  /**
   * Reloads suspect objects from their rows: whether their transaction has committed (its rows
   * arrive by seq anyway), rolled back or is still running (request events under the shared
   * gate), the row this transaction reads is the truth for it. The running transaction's own
   * objects are reloaded too (later events of its batch see them) but stay suspect.
   */
  private async reload(manager: EntityManager): Promise<void> {
    const ids = [...this.suspects];
    this.suspects.clear();
    const rows = await this.store.reload(manager, ids);
    for (const id of ids) {
      this.requests.delete(id);
      this.offers.delete(id);
      this.engine.removeOffer(id);
      this.seqOf.delete(id);
    }
    for (const row of rows) this.apply(row);
  }

  private apply(row: PulledRow): void {
    const seq = Number(row.seq);
    if ((this.seqOf.get(row.id) ?? -1) > seq) return;
    this.seqOf.set(row.id, seq);
    if (row.kind === 'r') return this.setRequest(toMatchRequest((row as RequestRow).snapshot, row.status));
    const offer = toMatchOffer((row as OfferRow).snapshot, row.status);
    const before = this.offers.get(offer.id);
    if (before !== undefined && isDeepStrictEqual(before, offer)) return;
    this.viewSeq.set(offer.id, seq);
    this.setOffer(offer);
  }

  private setRequest(request: MatchRequest): void {
    this.requests.set(request.id, request);
  }

  private setOffer(offer: MatchOffer): void {
    this.offers.set(offer.id, offer);
    this.engine.upsertOffer(offer);
  }
}
