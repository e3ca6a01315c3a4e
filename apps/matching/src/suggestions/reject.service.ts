import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxService, type AuthUser } from '@capmatch/platform';
import { lockGateShared, lockRequest } from '../matcher/match-locks';
import { ProjectionIndex } from '../matcher/projection-index.service';
import { Reconciler } from '../matcher/reconciler.service';
import { SuggestionEntity } from '../store/suggestion.entity';
import { SuggestionStore } from '../store/suggestion-store';
import { toSuggestionSnapshot, toSuggestionView } from './suggestion.mapper';

/**
 * Rejecting a suggestion records the decision and its reason, remembers the combination so it
 * is never proposed to that request again (hard rule 8), and refills the request's top K, all
 * in one transaction under that request's lock.
 */
@Injectable()
export class RejectService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: ProjectionIndex,
    private readonly reconciler: Reconciler,
    private readonly suggestions: SuggestionStore,
    private readonly outbox: OutboxService,
  ) {}

  async reject(user: AuthUser, id: string, reason: string): Promise<ReturnType<typeof toSuggestionView>> {
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
      await this.suggestions.decide(manager, s.id, { status: 'rejected', actor: user, at: now, reason });
      await this.suggestions.rememberRejected(manager, s.requestId, s.combinationKey, s.id, now);
      const snapshot = toSuggestionSnapshot(s);
      await this.outbox.add(manager, { type: 'suggestion.rejected', aggregateId: s.id, version: 2, payload: snapshot });
      await this.index.sync(manager);
      await this.reconciler.reconcile(manager, [s.requestId]);
      return toSuggestionView(s);
    });
  }
}
