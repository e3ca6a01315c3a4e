import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestSnapshot } from '@capmatch/contracts';
import { OutboxService } from '@capmatch/platform';
import { RequestHistoryEntity, type ActorRole, type FieldChange, type HistoryAction } from './request-history.entity';
import { RequestEntity } from './request.entity';
import { diffSnapshots, initialChanges, toSnapshot } from './request.mapper';

export interface Actor {
  sub: string;
  role: ActorRole;
}

export interface Change {
  action: HistoryAction;
  actor: Actor;
  reason?: string | null;
  partnershipId?: string | null;
}

const EVENT_OF: Partial<Record<HistoryAction, 'request.submitted' | 'request.updated' | 'request.withdrawn'>> = {
  submitted: 'request.submitted',
  updated: 'request.updated',
  matched: 'request.updated',
  withdrawn: 'request.withdrawn',
};

/**
 * The one way a request changes: the row, its history entry and its event are written in the
 * caller's transaction, so none of the three exists without the others. The caller holds the
 * row lock (or inserts a new row), which keeps versions and outbox order in commit order.
 */
@Injectable()
export class RequestRecorder {
  constructor(private readonly outbox: OutboxService) {}

  /** Saves `after` (version already bumped by the caller), records history and the event. */
  async save(manager: EntityManager, before: RequestSnapshot | null, after: RequestEntity, change: Change): Promise<RequestSnapshot> {
    // A new row is inserted straight away; save() would first look for it by id.
    const saved = before ? await manager.save(RequestEntity, after) : after;
    if (!before) await manager.insert(RequestEntity, after);
    const snapshot = toSnapshot(saved);
    const changes = before ? diffSnapshots(before, snapshot) : initialChanges(snapshot);
    await this.note(manager, saved, change, changes, saved.updatedAt);
    const type = EVENT_OF[change.action];
    if (type) await this.outbox.add(manager, { type, aggregateId: saved.id, version: saved.version, payload: snapshot });
    return snapshot;
  }

  /** A history entry for something that happened to the request but changed nothing. */
  async note(
    manager: EntityManager,
    request: RequestEntity,
    change: Change,
    changes: FieldChange[] = [],
    at: Date = new Date(),
  ): Promise<void> {
    await manager.insert(RequestHistoryEntity, {
      id: randomUUID(),
      requestId: request.id,
      at,
      action: change.action,
      actorSub: change.actor.sub,
      actorRole: change.actor.role,
      // TypeORM cannot type a jsonb column of open JSON values; the array is stored as it is.
      changes: changes as QueryDeepPartialEntity<FieldChange>[],
      reason: change.reason ?? null,
      version: request.version,
      partnershipId: change.partnershipId ?? null,
    });
  }
}
