import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestSnapshot } from '@capmatch/contracts';
import { lockGateExclusive, stampProjections } from '../matching/match-locks';
import { ProjectionIndex } from '../matching/projection-index.service';
import { Reconciler } from '../matching/reconciler.service';
import { upsertRequest } from './projection-store';
import { toMatchRequest } from './to-match';

/**
 * Applies a request event: projects it, then recomputes that request's suggestions in the same
 * transaction, so the job completes only once the suggestions are readable. Event handlers
 * take the gate exclusively, as offer handlers must: the platform handles several events in
 * one transaction, and a shared gate taken by a request event could not be upgraded for an
 * offer event later in the same batch without risking a deadlock with another batch.
 */
@Injectable()
export class RequestProjector {
  constructor(
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
  ) {}

  async apply(manager: EntityManager, snapshot: RequestSnapshot): Promise<void> {
    await lockGateExclusive(manager);
    const status = await upsertRequest(manager, snapshot);
    if (status === null) return;
    await this.index.sync(manager);
    this.index.markWritten(snapshot.id);
    const request = toMatchRequest(snapshot, status);
    await this.reconciler.reconcile(manager, [snapshot.id], new Map([[snapshot.id, request]]));
    await stampProjections(manager, { requests: [snapshot.id] });
  }
}
