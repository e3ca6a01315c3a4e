import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestSnapshot } from '@capmatch/contracts';
import { lockGateShared, lockRequest } from '../matching/match-locks';
import { ProjectionIndex } from '../matching/projection-index.service';
import { Reconciler } from '../matching/reconciler.service';
import { upsertRequest } from './projection-store';
import { toMatchRequest } from './to-match';

/**
 * Applies a request event: projects it, then recomputes that request's suggestions in the same
 * transaction, so the job completes only once the suggestions are readable. A request's own
 * change alters no other request's suggestions, so the shared gate and that request's lock are
 * enough, and request events run in parallel (match-locks.ts).
 */
@Injectable()
export class RequestProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
  ) {}

  async apply(manager: EntityManager, snapshot: RequestSnapshot): Promise<void> {
    await lockGateShared(manager);
    await lockRequest(manager, snapshot.id);
    const row = await upsertRequest(manager, snapshot);
    if (row === null) return;
    // Offers only change under the exclusive gate, so one sync per transaction is enough here.
    await this.index.syncOnce(manager);
    this.index.markWritten(manager, snapshot.id);
    const request = toMatchRequest(snapshot, row.status);
    await this.reconciler.reconcile(manager, [snapshot.id], new Map([[snapshot.id, request]]), undefined, row.inserted);
  }
}
