import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RequestSnapshot } from '@capmatch/contracts';
import { IdempotencyService, OneStatement, OneStatementRunner, OutboxService } from '@capmatch/platform';
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
 * The one way a request changes: the row, its history entry and its event are written together
 * (a new request as one statement, a change in the caller's transaction), so none of the three
 * exists without the others. For a change the caller holds the row lock, which keeps versions
 * and outbox order in commit order.
 */
@Injectable()
export class RequestRecorder {
  constructor(
    private readonly outbox: OutboxService,
    private readonly idempotency: IdempotencyService,
    private readonly statements: OneStatementRunner,
  ) {}

  /**
   * A new request: its row, the `submitted` history entry, the `request.submitted` event (with
   * the relay's NOTIFY) and the call's Idempotency-Key with the answer, as ONE statement. Postgres
   * commits a statement's rows all or none, so the four still exist only together, in one round
   * trip and one commit instead of six (BEGIN, four INSERTs, COMMIT). Every row is written only
   * when the key was claimed (RETURNING chains the CTEs): a repeat of a key writes nothing and
   * ends in IdempotencyKeyTaken, which the interceptor answers with the first answer.
   */
  async create(request: RequestEntity, change: Change): Promise<RequestSnapshot> {
    const snapshot = toSnapshot(request);
    const st = new OneStatement();
    const claim = this.idempotency.claimIn(st, snapshot);
    const p = (value: unknown, type: string) => st.param(value, type);
    const r = request;
    st.with(
      'request_row',
      `INSERT INTO requests.requests (id, country, title, description, language, capacity_areas, modalities, sdgs,
         target_groups, delivery_languages, cooperation_types, budget_usd, window_start, window_end, national_strategy_ref,
         priority, status, classification, created_by, created_at, updated_at, version)
       SELECT ${p(r.id, 'uuid')}, ${p(r.country, 'char(3)')}, ${p(r.title, 'varchar')}, ${p(r.description, 'text')},
         ${p(r.language, 'varchar')}, ${p(r.capacityAreas, 'text[]')}, ${p(r.modalities, 'text[]')}, ${p(r.sdgs, 'smallint[]')},
         ${p(r.targetGroups, 'text[]')}, ${p(r.deliveryLanguages, 'text[]')}, ${p(r.cooperationTypes, 'text[]')},
         ${p(r.budgetUsd, 'numeric')}, ${p(r.windowStart, 'date')}, ${p(r.windowEnd, 'date')}, ${p(r.nationalStrategyRef, 'varchar')},
         ${p(r.priority, 'varchar')}, ${p(r.status, 'varchar')}, ${p(JSON.stringify(r.classification), 'jsonb')},
         ${p(r.createdBy, 'text')}, ${p(snapshot.createdAt, 'timestamptz')}, ${p(snapshot.updatedAt, 'timestamptz')}, ${p(r.version, 'int')}
       ${claim ? `WHERE EXISTS (SELECT 1 FROM ${claim})` : ''}
       RETURNING id`,
    );
    st.with(
      'history_row',
      `INSERT INTO requests.request_history (id, request_id, at, action, actor_sub, actor_role, changes, reason, version, partnership_id)
       SELECT ${p(randomUUID(), 'uuid')}, id, ${p(snapshot.updatedAt, 'timestamptz')}, ${p(change.action, 'varchar')},
         ${p(change.actor.sub, 'text')}, ${p(change.actor.role, 'varchar')}, ${p(JSON.stringify(initialChanges(snapshot)), 'jsonb')},
         ${p(change.reason ?? null, 'text')}, ${p(r.version, 'int')}, ${p(change.partnershipId ?? null, 'uuid')}
       FROM request_row`,
    );
    const type = EVENT_OF[change.action];
    if (type) this.outbox.addIn(st, [{ type, aggregateId: r.id, version: r.version, payload: snapshot }], 'request_row');
    st.select('created', '(SELECT count(*)::int FROM request_row)');
    this.idempotency.settle(await this.statements.run(st));
    return snapshot;
  }

  /**
   * Saves a change to an existing request (`after`, version already bumped by the caller) and
   * records its history entry and event; a new request goes through `create`.
   */
  async save(manager: EntityManager, before: RequestSnapshot, after: RequestEntity, change: Change): Promise<RequestSnapshot> {
    const saved = await manager.save(RequestEntity, after);
    const snapshot = toSnapshot(saved);
    const changes = diffSnapshots(before, snapshot);
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
