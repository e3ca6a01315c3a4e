import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, OfferSnapshot } from '@capmatch/contracts';
import { lockGateShared } from '../matcher/match-locks';
import { toMatchOffer } from '../matcher/to-match';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore, type OfferUpsert, type StoredOffer } from '../store/projection-store';
import { PartnershipEnder } from '../partnerships/partnership-ender';
import { OfferBatch } from './offer-batch.service';
import { PerTransaction } from './per-transaction';

type OfferEvent = EventEnvelope<'offer.published' | 'offer.updated' | 'offer.withdrawn'>;

const matchable = (status: string, free: number): boolean => status === 'open' && free > 0;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies offer events: projects them and hands the changes to the batch's ranking step
 * (offer-batch.service.ts), which re-ranks every request the batch's offers could enter or
 * leave, once per request, before the batch commits. Everything runs under the shared gate.
 *
 * The events of a batch are projected together, just before its ranking step: one read of the
 * stored rows, one look-up of echoes and one upsert for all of them, instead of three or four
 * round trips per event. What each event would have found (the row before it, whether it is
 * new, stale or changes the engine's view) is worked out in memory from the stored rows, event
 * after event: the inbox's per-aggregate lock keeps every other writer of these rows out.
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
  private readonly collected = new PerTransaction<OfferEvent>('offer-projection', (manager, events) => this.project(manager, events));

  constructor(
    private readonly batch: OfferBatch,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly ender: PartnershipEnder,
  ) {}

  /** Collects the event; the transaction's events are projected together just before it commits. */
  apply(manager: EntityManager, event: OfferEvent): Promise<void> {
    return this.collected.add(manager, event);
  }

  private async project(manager: EntityManager, events: OfferEvent[]): Promise<void> {
    const stored = await this.projections.offersById(manager, [...new Set(events.map((e) => e.payload.id))]);
    const causes = events.map((e) => e.causationId).filter((id): id is string => id !== undefined && UUID.test(id));
    const echoes = await this.partnerships.emittedAmong(manager, causes);
    await lockGateShared(manager);
    const changes: Array<{ snapshot: OfferSnapshot; row: OfferUpsert; echo: boolean }> = [];
    const latest = new Map<string, OfferSnapshot>();
    for (const event of events) {
      const snapshot = event.payload;
      const before = stored.get(snapshot.id);
      if (before !== undefined && before.version >= snapshot.version) continue;
      const row = upserted(before, snapshot, !latest.has(snapshot.id) && before === undefined);
      stored.set(snapshot.id, { version: snapshot.version, status: snapshot.status, free: snapshot.remainingSlots, snapshot });
      latest.set(snapshot.id, snapshot);
      if (before !== undefined && isDeepStrictEqual(toMatchOffer(before.snapshot, before.status), toMatchOffer(snapshot, snapshot.status))) continue;
      changes.push({ snapshot, row, echo: event.causationId !== undefined && echoes.has(event.causationId) });
    }
    await this.projections.upsertOffers(manager, [...latest.values()]);
    const withdrawn: string[] = [];
    for (const { snapshot, row, echo } of changes) {
      if (!echo || flipped(row)) {
        const offer = toMatchOffer(snapshot, row.status);
        await this.batch.add(manager, { offer, inserted: row.inserted, reach: !(echo && !matchable(row.status, row.free)) });
      }
      if (snapshot.status === 'withdrawn') withdrawn.push(snapshot.id);
    }
    // After the adds: the re-ranks of the ended partnerships' requests see the withdrawals.
    await this.ender.endAllOnOffers(manager, withdrawn);
  }
}

/** What upsertOffer answers for this snapshot over the row `before`. */
function upserted(before: StoredOffer | undefined, snapshot: OfferSnapshot, inserted: boolean): OfferUpsert {
  return {
    status: snapshot.status,
    free: snapshot.remainingSlots,
    inserted,
    previous: before === undefined ? null : { status: before.status, free: before.free },
  };
}

function flipped(row: OfferUpsert): boolean {
  const before = row.previous ? matchable(row.previous.status, row.previous.free) : false;
  return before !== matchable(row.status, row.free);
}
