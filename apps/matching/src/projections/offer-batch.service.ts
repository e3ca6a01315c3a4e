import { Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from 'typeorm';
import type { MatchOffer, MatchRequest } from '@capmatch/engine';
import { lockOfferLane, tryLockRequests } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { SuggestionStore } from '../store/suggestion-store';

/** An offer a batch changed in a way the engine sees. */
export interface ChangedOffer {
  offer: MatchOffer;
  /** First seen in this batch: no proposal can hold it. */
  inserted: boolean;
  /** Whether it may enter top-K lists (false for a reservation echo that filled it: it can only leave). */
  reach: boolean;
}

/**
 * The ranking step of a batch's offer changes, once per batch (issue 16): the offer events only
 * project and collect; before the batch commits, this step works out which requests the
 * changed offers enter or leave (holders of any of them, plus those the engine says one could
 * now reach, against their K-th score), and re-ranks each of those requests once, whatever
 * number of the batch's offers touch it. A request that only some north or multilateral
 * offers enter is ranked from its live proposals (entering-offer.ts) instead of from scratch.
 *
 * It runs under the shared gate and the offer lane (match-locks.ts): request work goes on
 * meanwhile. It takes only the request locks it can get without waiting, queues a re-match for
 * the others, and leaves races with uncommitted request work to the match fence.
 */
@Injectable()
export class OfferBatch {
  private readonly changed = new WeakMap<EntityManager, Map<string, ChangedOffer>>();

  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly suggestions: SuggestionStore,
  ) {}

  /** Adds an offer change to the transaction's batch; its ranking runs before the commit. */
  async add(manager: EntityManager, change: ChangedOffer): Promise<void> {
    let batch = this.changed.get(manager);
    if (!batch) this.changed.set(manager, (batch = new Map()));
    const before = batch.get(change.offer.id);
    batch.set(change.offer.id, before ? { ...change, inserted: before.inserted, reach: before.reach || change.reach } : change);
    // Noted at once: every later ranking of this transaction ranks with it (reconciler overlay).
    await this.reconciler.fence.defer(manager, 'offer-batch', () => this.rank(manager), [change.offer]);
  }

  private async rank(manager: EntityManager): Promise<void> {
    const batch = [...(this.changed.get(manager)?.values() ?? [])];
    this.changed.delete(manager);
    if (batch.length === 0) return;
    await lockOfferLane(manager);
    await this.index.sync(manager);
    const offers = batch.map((c) => c.offer);
    const seenBefore = batch.filter((c) => !c.inserted).map((c) => c.offer.id);
    const holders = await this.suggestions.holdersOfAny(manager, seenBefore);
    const reach = await this.reachable(manager, batch.filter((c) => c.reach).map((c) => c.offer), offers);
    const entering = new Map<string, MatchOffer[]>();
    for (const [id, list] of reach) if (!holders.has(id)) entering.set(id, list);
    const { locked, missed } = await tryLockRequests(manager, [...holders.keys(), ...reach.keys()]);
    if (missed.length > 0) await this.suggestions.enqueueRematch(manager, missed);
    // Requests locked just now may have changed since the decision: rank their current state.
    await this.index.sync(manager);
    await this.reconciler.reconcile(manager, locked, { overlay: offers, entering, restamp: false });
  }

  /**
   * Per request, the changed offers that could enter it. Two passes: rules alone, then the K-th
   * score of only the requests that passed them. The K-th score bars a new offer only where the
   * top K holds K distinct provider offers; where it shows variants of fewer, any new provider
   * offer enters (the engine's diversity order).
   */
  private async reachable(manager: EntityManager, offers: readonly MatchOffer[], overlay: readonly MatchOffer[]): Promise<Map<string, MatchOffer[]>> {
    const out = new Map<string, MatchOffer[]>();
    if (offers.length === 0) return out;
    // Requests this transaction wrote as it ranked them (the index may show their committed state).
    const mine = this.reconciler.fence.rankedRequests(manager);
    const open = [...this.index.openRequests()].filter((r) => !mine.has(r.id));
    for (const r of mine.values()) if (r.status === 'open') open.push(r);
    // The batch's offers are not committed: in the index only while the engine looks at them
    // (bundles among them are found from either side), in slices of about SLICE_MS with the
    // event loop free in between (a batch may hold dozens). One swap per slice, not per offer:
    // every swap of a southern offer is logged for the requests' southern lists to replay.
    const swapped = (fn: () => void): void => this.index.withOffers(overlay, fn);
    const first = await sliced(offers, (offer) => this.index.engine.requestsAffectedBy(offer, open), swapped);
    const candidates = new Set(first.flat());
    if (candidates.size === 0) return out;
    const kth = await this.suggestions.kthScores(manager, [...candidates], this.index.topK);
    const byId = new Map(open.map((r) => [r.id, r]));
    const second = await sliced(offers, (offer, i) => this.index.engine.requestsAffectedBy(offer, first[i].map((id) => byId.get(id) as MatchRequest), kth), swapped);
    for (const [i, offer] of offers.entries()) {
      for (const id of second[i]) {
        const list = out.get(id);
        if (list) list.push(offer);
        else out.set(id, [offer]);
      }
    }
    return out;
  }
}

/** Longest stretch of entry tests before the event loop gets a turn. */
const SLICE_MS = 20;

const yieldLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** `each` over the items in synchronous slices of about SLICE_MS, each run inside `around`, yielding between them. */
async function sliced<T, R>(items: readonly T[], each: (item: T, i: number) => R, around: (fn: () => void) => void): Promise<R[]> {
  const out: R[] = [];
  while (out.length < items.length) {
    if (out.length > 0) await yieldLoop();
    const until = performance.now() + SLICE_MS;
    around(() => {
      do out.push(each(items[out.length], out.length));
      while (out.length < items.length && performance.now() < until);
    });
  }
  return out;
}
