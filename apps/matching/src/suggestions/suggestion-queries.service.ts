import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { paginate, type AuthUser, type Page, type PageQuery } from '@capmatch/platform';
import type { ListSuggestionsQuery } from './list-suggestions.query';
import { SuggestionHistoryEntity } from '../store/suggestion-history.entity';
import { toSuggestionView } from './suggestion.mapper';
import { SuggestionEntity } from '../store/suggestion.entity';
import { restrictToVisible } from '../store/visibility';

export type SuggestionView = ReturnType<typeof toSuggestionView>;

export interface HistoryEntry {
  at: string;
  action: string;
  actor: { sub: string; role: string };
  reason: string | null;
}

/** Reads of suggestions, always through the caller's visibility (contract, roles). */
@Injectable()
export class SuggestionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, q: ListSuggestionsQuery): Promise<Page<SuggestionView>> {
    const qb = restrictToVisible(this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s'), 's', user);
    if (q.requestId) qb.andWhere('s.request_id = :requestId', { requestId: q.requestId });
    if (q.offerId) qb.andWhere('s.offer_ids @> ARRAY[:offerId]::uuid[]', { offerId: q.offerId });
    if (q.status) qb.andWhere('s.status = :status', { status: q.status });
    if (q.cooperationType) qb.andWhere('s.cooperation_type = :cooperationType', { cooperationType: q.cooperationType });
    if (q.country) qb.andWhere('s.country = :country', { country: q.country });
    if (q.minScore !== undefined) qb.andWhere('s.score >= :minScore', { minScore: q.minScore });
    const page = await paginate(qb, q, [
      { column: 's.score', key: 'score', direction: 'DESC' },
      { column: 's.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: page.items.map(toSuggestionView), nextCursor: page.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<SuggestionView> {
    return toSuggestionView(await this.visible(user, id));
  }

  /** The suggestion's audit trail, oldest first. */
  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<HistoryEntry>> {
    await this.visible(user, id);
    const qb = this.dataSource
      .getRepository(SuggestionHistoryEntity)
      .createQueryBuilder('h')
      .where('h.suggestion_id = :id', { id });
    const page = await paginate(qb, q, [{ column: 'h.id', key: 'id', direction: 'ASC' }]);
    return {
      items: page.items.map((h) => ({
        at: new Date(h.at).toISOString(),
        action: h.action,
        actor: { sub: h.actorSub, role: h.actorRole },
        reason: h.reason,
      })),
      nextCursor: page.nextCursor,
    };
  }

  private async visible(user: AuthUser, id: string): Promise<SuggestionEntity> {
    const qb = this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s').where('s.id = :id', { id });
    const found = await restrictToVisible(qb, 's', user).getOne();
    if (!found) throw new NotFoundException('Suggestion not found');
    return found;
  }
}
