import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestSnapshot } from '@capmatch/contracts';
import { lockGateShared, lockRequest, stampProjections } from '../matching/match-locks';
import { ProjectionIndex } from '../matching/projection-index.service';
import { Reconciler } from '../matching/reconciler.service';
import { upsertRequest } from './projection-store';
import { toMatchRequest } from './to-match';

/**
 * Applies a request event: projects it, then recomputes that request's suggestions in the same
 * transaction, so the job completes only once the suggestions are readable. Work on one
 * request needs only the shared gate: requests never compete with each other for offers until
 * an accept, which takes the gate exclusively.
 */
@Injectable()
export class RequestProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
  ) {}

  async apply(manager: EntityManager, snapshot: RequestSnapshot): Promise<void> {
    await lockGateShared(manager);
    const status = await upsertRequest(manager, snapshot);
    if (status === null) return;
    await lockRequest(manager, snapshot.id);
    await this.index.sync(manager);
    const request = toMatchRequest(snapshot, status);
    await this.reconciler.reconcile(manager, [snapshot.id], new Map([[snapshot.id, request]]));
    await stampProjections(manager, { requests: [snapshot.id] });
  }
}
