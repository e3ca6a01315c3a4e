import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RejectionReasonCode } from '@capmatch/engine';
import { OutboxService, type AuthUser } from '@capmatch/platform';
import { lockGateShared, lockRequest } from '../matching/match-locks';
import { ProjectionIndex } from '../matching/projection-index.service';
import { Reconciler } from '../matching/reconciler.service';
import { toSuggestionSnapshot, toSuggestionView } from './suggestion.mapper';
import { SuggestionEntity } from './suggestion.entity';

/**
 * Rejecting a suggestion records the decision and its reason, remembers the combination (with
 * the optional reason code, whose effects the engine applies) so it is never proposed to that
 * request again (hard rule 8), and refills the request's top K, all in one transaction under
 * that request's lock.
 */
@Injectable()
export class RejectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly outbox: OutboxService,
  ) {}

  async reject(user: AuthUser, id: string, reason: string, reasonCode: RejectionReasonCode | null = null): Promise<ReturnType<typeof toSuggestionView>> {
    return this.dataSource.transaction(async (manager) => {
      await lockGateShared(manager);
      const found = await manager.findOne(SuggestionEntity, { where: { id } });
      if (!found) throw new NotFoundException('Suggestion not found');
      await lockRequest(manager, found.requestId);
      const s = await manager.findOne(SuggestionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!s || s.status !== 'proposed') throw new ConflictException(`The suggestion is ${s?.status ?? 'gone'}, not proposed`);
      const now = new Date();
      s.status = 'rejected';
      s.decidedAt = now;
      s.decidedBy = user.sub;
      s.reason = reason;
      s.updatedAt = now;
      await manager.query(
        `UPDATE matching.suggestions SET status = 'rejected', decided_at = $2, decided_by = $3, reason = $4, updated_at = $2
         WHERE id = $1`,
        [s.id, now, user.sub, reason],
      );
      await manager.query(
        `INSERT INTO matching.suggestion_history (suggestion_id, action, actor_sub, actor_role, reason, at)
         VALUES ($1, 'rejected', $2, $3, $4, $5)`,
        [s.id, user.sub, user.role, reason, now],
      );
      await manager.query(
        `INSERT INTO matching.rejected_combinations (request_id, combination_key, suggestion_id, rejected_at, reason_code)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [s.requestId, s.combinationKey, s.id, now, reasonCode],
      );
      const snapshot = toSuggestionSnapshot(s);
      await this.outbox.add(manager, { type: 'suggestion.rejected', aggregateId: s.id, version: 2, payload: snapshot });
      await this.index.sync(manager);
      await this.reconciler.reconcile(manager, [s.requestId]);
      return toSuggestionView(s);
    });
  }
}
