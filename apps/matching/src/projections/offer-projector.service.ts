import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { lockGateExclusive, lockGateShared } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { toMatchOffer } from '../matcher/to-match';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore, type OfferUpsert } from '../store/projection-store';
import { PartnershipEnder } from '../partnerships/partnership-ender';
import { SuggestionStore } from '../store/suggestion-store';

type OfferEvent = EventEnvelope<'offer.published' | 'offer.updated' | 'offer.withdrawn'>;

const matchable = (status: string, free: number): boolean => status === 'open' && free > 0;

/**
 * Applies an offer event: projects it and re-matches every request the offer could enter or
 * leave: those whose live proposals hold it, plus those the engine says it could now reach
 * (their K-th score read from the database, so every instance prunes alike). The exclusive
 * gate means no request is being matched meanwhile, so none is missed in either direction.
 *
 * An echo of matching's own partnership step (a slot reserved or released, `causationId`
 * naming an event matching emitted) re-ranks only when the offer's matchability flipped: a
 * reservation that leaves slots changes nothing to rank, one that fills the offer only
 * supersedes the proposals holding it.
 *
 * A change to nothing the engine reads (the description, the title: its `toMatchOffer` view is
 * the same) re-ranks nothing and takes the gate only shared: matching against the previous
 * version gives the same outcome, so nobody needs to be kept out.
 */
@Injectable()
export class OfferProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly suggestions: SuggestionStore,
    private readonly ender: PartnershipEnder,
  ) {}

  async apply(manager: EntityManager, event: OfferEvent): Promise<void> {
    const snapshot = event.payload;
    if (await this.unchangedForMatching(manager, snapshot)) {
      await lockGateShared(manager);
      await this.projections.upsertOffer(manager, snapshot);
      return;
    }
    await lockGateExclusive(manager);
    const row = await this.projections.upsertOffer(manager, snapshot);
    if (row === null) return;
    await this.index.sync(manager);
    const offer = toMatchOffer(snapshot, row.status);
    this.index.applyTentativeOffer(offer);
    this.index.markWritten(manager, offer.id);
    if (snapshot.status === 'withdrawn') {
      await this.ender.endAll(manager, { offerId: snapshot.id }, 'offer-withdrawn');
    }
    const echo = await this.partnerships.emittedHere(manager, event.causationId);
    if (echo && !this.flipped(row)) return;
    const holders = row.inserted ? [] : await this.suggestions.holdersOf(manager, snapshot.id);
    const reachable = echo && !matchable(row.status, row.free) ? [] : await this.reachable(manager, offer);
    const held = new Set(holders);
    const onlyEntering = new Set(reachable.filter((id) => !held.has(id)));
    await this.reconciler.reconcile(manager, [...holders, ...reachable], { entering: { offer, requestIds: onlyEntering } });
  }

  /** A newer version of a projected offer whose engine view (rules and scores) is the same. */
  private async unchangedForMatching(manager: EntityManager, snapshot: OfferEvent['payload']): Promise<boolean> {
    const stored = await this.projections.offer(manager, snapshot.id);
    if (stored === null || stored.version >= snapshot.version) return false;
    return isDeepStrictEqual(toMatchOffer(stored.snapshot, stored.status), toMatchOffer(snapshot, snapshot.status));
  }

  private flipped(row: OfferUpsert): boolean {
    const before = row.previous ? matchable(row.previous.status, row.previous.free) : false;
    return before !== matchable(row.status, row.free);
  }

  /**
   * Two passes: rules alone, then the K-th score of only the requests that passed them. The
   * K-th score bars a new offer only where the top K holds K distinct provider offers; where it
   * shows variants of fewer, any new provider offer enters (the engine's diversity order).
   */
  private async reachable(manager: EntityManager, offer: ReturnType<typeof toMatchOffer>): Promise<string[]> {
    const open = [...this.index.openRequests()];
    const first = new Set(this.index.engine.requestsAffectedBy(offer, open));
    if (first.size === 0) return [];
    const kth = await this.suggestions.kthScores(manager, [...first], this.index.topK);
    if (kth.size === 0) return [...first];
    return this.index.engine.requestsAffectedBy(offer, open.filter((r) => first.has(r.id)), kth);
  }
}
