import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@capmatch/contracts';
import { lockGateShared, lockRequest } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { toMatchRequest } from '../matcher/to-match';
import { PartnershipEnder } from '../partnerships/partnership-ender';
import { PartnershipStore } from '../store/partnership-store';
import { ProjectionStore } from '../store/projection-store';

type RequestEvent = EventEnvelope<'request.submitted' | 'request.updated' | 'request.withdrawn'>;

/**
 * Applies a request event: projects it, then recomputes that request's suggestions in the same
 * transaction, so the job completes only once the suggestions are readable. A request's own
 * change alters no other request's suggestions, so the shared gate and that request's lock are
 * enough, and request events run in parallel (match-locks.ts).
 *
 * A withdrawal ends the request's live partnership. An echo of matching's own partnership step
 * (the request `matched` on agreement) is projected without re-ranking: the accept already took
 * the request out of matching.
 */
@Injectable()
export class RequestProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly projections: ProjectionStore,
    private readonly partnerships: PartnershipStore,
    private readonly ender: PartnershipEnder,
  ) {}

  async apply(manager: EntityManager, event: RequestEvent): Promise<void> {
    const snapshot = event.payload;
    await lockGateShared(manager);
    await lockRequest(manager, snapshot.id);
    const row = await this.projections.upsertRequest(manager, snapshot);
    if (row === null) return;
    // One sync per transaction: an offer committed after it is caught by the match fence.
    await this.index.syncOnce(manager);
    this.index.markWritten(manager, snapshot.id);
    if (snapshot.status === 'withdrawn') {
      await this.ender.endAll(manager, { requestId: snapshot.id }, 'request-withdrawn');
    }
    if (await this.partnerships.emittedHere(manager, event.causationId)) return;
    const request = toMatchRequest(snapshot, row.status);
    await this.reconciler.reconcile(manager, [snapshot.id], { overrides: new Map([[snapshot.id, request]]), fresh: row.inserted });
  }
}
