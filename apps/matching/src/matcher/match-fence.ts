import type { EntityManager } from 'typeorm';
import { beforeCommit } from '@capmatch/platform';
import type { MatchOffer, MatchRequest, Suggestion } from '@capmatch/engine';
import { ProjectionStore } from '../store/projection-store';
import { SuggestionStore } from '../store/suggestion-store';
import { lockSeq, tryLockRequests } from './match-locks';
import { kthOf } from './entering-offer';
import { ProjectionIndex } from './projection-index.service';

/** What a transaction ranked one request against, and the result. */
export interface Ranked {
  request: MatchRequest | undefined;
  wanted: readonly Suggestion[];
}

interface FenceState {
  /** The index had every row numbered up to here when the transaction first ranked or decided. */
  since: number;
  ranked: Map<string, Ranked>;
  /** Offers this transaction changed (uncommitted), in their new version. */
  offers: Map<string, MatchOffer>;
  /** Work to run first, once per key (an offer batch's ranking). */
  steps: Map<string, () => Promise<void>>;
  running: boolean;
}

type Rerank = (manager: EntityManager, ids: readonly string[], overlay: readonly MatchOffer[], overrides: ReadonlyMap<string, MatchRequest>) => Promise<unknown>;

/**
 * Request work and offer work run side by side under the shared gate, so a transaction may
 * rank a request without an offer change another has not committed yet, while that one
 * decided which requests it reaches without this one's change. The fence, run last before
 * commit under the seq lock (so fences and projection commits are in one order), closes the
 * gap: whichever of the two commits second sees the other's commit.
 *
 * 1. Offers whose engine view changed in commits after `since`: each request this transaction
 *    ranked is re-ranked if its result holds one or one could enter it (engine bound against
 *    the result's K-th score). The transaction holds those requests' locks.
 * 2. Requests written in commits after `since` (request events write theirs; every other
 *    re-rank restamps the row): when this transaction changed offers, each such request that
 *    holds one of them or that one could enter is re-ranked, if its lock can be had without
 *    waiting; else it is queued in pending_rematch. A lock holder has not reached its own
 *    fence yet (this one holds the seq lock), so it sees this commit anyway.
 *
 * Re-ranks at the fence are full rankings against the synced index: nothing can commit until
 * this transaction does, so they are final.
 */
export class MatchFence {
  private readonly open = new WeakMap<EntityManager, FenceState>();

  constructor(
    private readonly index: ProjectionIndex,
    private readonly suggestions: SuggestionStore,
    private readonly projections: ProjectionStore,
    private readonly rerank: Rerank,
  ) {}

  /** Records ranked requests (and offers this transaction changed); the fence runs before commit. */
  async note(manager: EntityManager, since: number, ranked: ReadonlyMap<string, Ranked>, offers: readonly MatchOffer[] = []): Promise<void> {
    const state = this.state(manager, since);
    for (const [id, r] of ranked) state.ranked.set(id, r);
    for (const o of offers) state.offers.set(o.id, o);
    await this.schedule(manager, state);
  }

  /**
   * The requests this transaction ranked, as it ranked them: its own request writes, which
   * the shared index may not show (another transaction's sync reloads them as committed).
   */
  rankedRequests(manager: EntityManager): Map<string, MatchRequest> {
    const out = new Map<string, MatchRequest>();
    for (const [id, r] of this.open.get(manager)?.ranked ?? []) if (r.request) out.set(id, r.request);
    return out;
  }

  /** Offers this transaction changed and has not committed, in their new version. */
  offersOf(manager: EntityManager): MatchOffer[] {
    return [...(this.open.get(manager)?.offers.values() ?? [])];
  }

  /**
   * Runs `step` before the fence, once per key per transaction (at once, outside a batch), and
   * notes offers the transaction changed: its rankings from now on rank with them.
   */
  async defer(manager: EntityManager, key: string, step: () => Promise<void>, offers: readonly MatchOffer[] = []): Promise<void> {
    const state = this.state(manager, this.index.seen);
    if (!state.steps.has(key)) state.steps.set(key, step);
    for (const o of offers) state.offers.set(o.id, o);
    await this.schedule(manager, state);
  }

  private state(manager: EntityManager, since: number): FenceState {
    let state = this.open.get(manager);
    if (!state) {
      state = { since, ranked: new Map(), offers: new Map(), steps: new Map(), running: false };
      this.open.set(manager, state);
    }
    state.since = Math.min(state.since, since);
    return state;
  }

  private async schedule(manager: EntityManager, state: FenceState): Promise<void> {
    if (state.running) return;
    // A plain transaction (HTTP step, re-match) has no batch to defer to: fence at once.
    if (!beforeCommit(manager, 'matching-fence', () => this.run(manager, state))) await this.run(manager, state);
  }

  private async run(manager: EntityManager, state: FenceState): Promise<void> {
    state.running = true;
    for (const [key, step] of state.steps) {
      state.steps.delete(key);
      await step();
    }
    this.open.delete(manager);
    if (state.ranked.size === 0 && state.offers.size === 0) return;
    await lockSeq(manager);
    await this.index.sync(manager);
    const changed = await this.projections.changedSince(manager, state.since);
    const ours = [...state.offers.values()];
    const offers = changed.filter((c) => c.kind === 'o' && !state.offers.has(c.id) && this.index.offerChangedSince(c.id, state.since));
    const mine = [...state.ranked.keys()].filter((id) => this.outdated(state.ranked.get(id) as Ranked, offers.map((c) => c.id)));
    const theirs = ours.length === 0 ? [] : await this.reached(manager, ours, changed.filter((c) => c.kind === 'r' && !state.ranked.has(c.id)).map((c) => c.id));
    const { locked, missed } = await tryLockRequests(manager, theirs);
    if (missed.length > 0) await this.suggestions.enqueueRematch(manager, missed);
    const redo = [...new Set([...mine, ...locked])];
    // The requests this transaction ranked as it wrote them (its own rows may be invisible to the index).
    const overrides = new Map<string, MatchRequest>();
    for (const id of mine) {
      const request = state.ranked.get(id)?.request;
      if (request) overrides.set(id, request);
    }
    if (redo.length > 0) await this.rerank(manager, redo, ours, overrides);
  }

  /** Whether a result misses one of these changed offers: it holds one, or one could enter it. */
  private outdated(ranked: Ranked, offerIds: readonly string[]): boolean {
    const { request, wanted } = ranked;
    if (offerIds.length === 0 || request === undefined || request.status !== 'open') return false;
    if (wanted.some((s) => s.offerIds.some((id) => offerIds.includes(id)))) return true;
    const kth = kthOf(wanted, this.index.topK);
    const bar = kth === undefined ? new Map<string, number>() : new Map([[request.id, kth]]);
    return offerIds.some((id) => {
      const offer = this.index.offer(id);
      return offer !== undefined && this.index.engine.requestsAffectedBy(offer, [request], bar).length > 0;
    });
  }

  /** Of these requests, the open ones that hold one of these offers or that one could enter. */
  private async reached(manager: EntityManager, offers: readonly MatchOffer[], requestIds: readonly string[]): Promise<string[]> {
    const open = requestIds.map((id) => this.index.request(id)).filter((r): r is MatchRequest => r?.status === 'open');
    if (open.length === 0) return [];
    const ids = open.map((r) => r.id);
    const held = await this.suggestions.holdersOfAny(manager, offers.map((o) => o.id), ids);
    const kth = await this.suggestions.kthScores(manager, ids, this.index.topK);
    const out = new Set(held.keys());
    // Our offers are not committed: in the index only while the engine looks at them.
    this.index.withOffers(offers, () => {
      for (const offer of offers) for (const id of this.index.engine.requestsAffectedBy(offer, open, kth)) out.add(id);
    });
    return [...out];
  }
}
