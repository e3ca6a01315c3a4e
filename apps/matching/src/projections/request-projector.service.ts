import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, RequestSnapshot } from '@capmatch/contracts';
import type { MatchRequest } from '@capmatch/engine';
import { lockGateShared, lockRequests } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { toMatchRequest } from '../matcher/to-match';
import { PartnershipEnder } from '../partnerships/partnership-ender';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore } from '../store/projection-store';
import { PerTransaction } from './per-transaction';

type RequestEvent = EventEnvelope<'request.submitted' | 'request.updated' | 'request.withdrawn'>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies request events: projects them, then recomputes those requests' suggestions in the
 * same transaction, so a job completes only once its suggestions are readable. A request's own
 * change alters no other request's suggestions, so the shared gate and the requests' locks are
 * enough, and request events run in parallel (match-locks.ts).
 *
 * The events of a batch are applied together just before it commits: one statement takes
 * their request locks, one upserts them, and one reconcile ranks them all (one read of their
 * proposals, one write of every change and its events), instead of four or five round trips
 * per event. What each event would have found (a stale version, a first projection) is worked
 * out from the rows as they were before the batch: the inbox's per-aggregate lock keeps every
 * other writer of these rows out.
 *
 * A withdrawal ends the request's live partnership. An echo of matching's own partnership step
 * (the request `matched` on agreement) is projected without re-ranking: the accept already took
 * the request out of matching.
 */
@Injectable()
export class RequestProjector {
  private readonly collected = new PerTransaction<RequestEvent>('request-projection', (manager, events) => this.project(manager, events));

  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly ender: PartnershipEnder,
  ) {}

  /** Collects the event; the transaction's events are projected together just before it commits. */
  apply(manager: EntityManager, event: RequestEvent): Promise<void> {
    return this.collected.add(manager, event);
  }

  private async project(manager: EntityManager, events: RequestEvent[]): Promise<void> {
    await lockGateShared(manager);
    const ids = [...new Set(events.map((e) => e.payload.id))];
    await lockRequests(manager, ids);
    const latest = new Map<string, RequestSnapshot>();
    for (const e of events) if ((latest.get(e.payload.id)?.version ?? -1) < e.payload.version) latest.set(e.payload.id, e.payload);
    const stored = await this.projections.upsertRequests(manager, [...latest.values()]);
    const versions = new Map([...stored].map(([id, row]) => [id, row.version]));
    // The events that moved their row forward, in order (a stale or repeated one did nothing).
    const applied = events.filter((e) => {
      if ((versions.get(e.payload.id) ?? -1) >= e.payload.version) return false;
      versions.set(e.payload.id, e.payload.version);
      return true;
    });
    if (applied.length === 0) return;
    // One sync per transaction: an offer committed after it is caught by the match fence.
    await this.index.syncOnce(manager);
    for (const id of new Set(applied.map((e) => e.payload.id))) this.index.markWritten(manager, id);
    for (const e of applied) {
      if (e.payload.status === 'withdrawn') await this.ender.endAll(manager, { requestId: e.payload.id }, 'request-withdrawn');
    }
    const echoes = await this.partnerships.emittedAmong(
      manager,
      applied.map((e) => e.causationId).filter((id): id is string => id !== undefined && UUID.test(id)),
    );
    const requests = new Map<string, MatchRequest>();
    for (const e of applied) {
      if (e.causationId !== undefined && echoes.has(e.causationId)) continue;
      requests.set(e.payload.id, toMatchRequest(e.payload, e.payload.status));
    }
    // First projected by this batch: no suggestions and no rejections to read.
    const fresh = new Set([...requests.keys()].filter((id) => !stored.has(id)));
    await this.reconciler.reconcile(manager, [...requests.keys()], { overrides: requests, fresh });
  }
}
