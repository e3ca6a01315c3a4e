import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { lockGateShared } from '../matcher/match-locks';
import { toMatchOffer } from '../matcher/to-match';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore, type OfferUpsert } from '../store/projection-store';
import { PartnershipEnder } from '../partnerships/partnership-ender';
import { OfferBatch } from './offer-batch.service';

type OfferEvent = EventEnvelope<'offer.published' | 'offer.updated' | 'offer.withdrawn'>;

const matchable = (status: string, free: number): boolean => status === 'open' && free > 0;

/**
 * Applies an offer event: projects it and hands the change to the batch's ranking step
 * (offer-batch.service.ts), which re-ranks every request the batch's offers could enter or
 * leave, once per request, before the batch commits. Everything runs under the shared gate.
 *
 * An echo of matching's own partnership step (a slot reserved or released, `causationId`
 * naming an event matching emitted) re-ranks only when the offer's matchability flipped: a
 * reservation that leaves slots changes nothing to rank, one that fills the offer only
 * supersedes the proposals holding it.
 *
 * A change to nothing the engine reads (the description, the title: its `toMatchOffer` view is
 * the same) re-ranks nothing: matching against the previous version gives the same outcome.
 */
@Injectable()
export class OfferProjector {
  constructor(
    private readonly batch: OfferBatch,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly ender: PartnershipEnder,
  ) {}

  async apply(manager: EntityManager, event: OfferEvent): Promise<void> {
    const snapshot = event.payload;
    const unchanged = await this.unchangedForMatching(manager, snapshot);
    await lockGateShared(manager);
    const row = await this.projections.upsertOffer(manager, snapshot);
    if (row === null || unchanged) return;
    const echo = await this.partnerships.emittedHere(manager, event.causationId);
    if (!echo || this.flipped(row)) {
      const offer = toMatchOffer(snapshot, row.status);
      await this.batch.add(manager, { offer, inserted: row.inserted, reach: !(echo && !matchable(row.status, row.free)) });
    }
    // After the add: the re-ranks of the ended partnerships' requests see the withdrawal.
    if (snapshot.status === 'withdrawn') {
      await this.ender.endAll(manager, { offerId: snapshot.id }, 'offer-withdrawn');
    }
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
}
