import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { paginate, type AuthUser, type Page, type PageQuery } from '@capmatch/platform';
import type { ListSuggestionsQuery } from './list-suggestions.query';
import { SuggestionHistoryEntity } from '../store/suggestion-history.entity';
import { toSuggestionView } from './suggestion.mapper';
import { SuggestionEntity } from '../store/suggestion.entity';
import { historyPage, type HistoryEntry } from '../store/audit-trail';
import { filterDecisions, findVisible, restrictToVisible } from '../store/visibility';

export type SuggestionView = ReturnType<typeof toSuggestionView>;

/** Reads of suggestions, always through the caller's visibility (contract, roles). */
@Injectable()
export class SuggestionQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, q: ListSuggestionsQuery): Promise<Page<SuggestionView>> {
    const qb = filterDecisions(restrictToVisible(this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s'), 's', user), 's', q);
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
    return historyPage(this.dataSource.getRepository(SuggestionHistoryEntity).createQueryBuilder('h').where('h.suggestion_id = :id', { id }), q);
  }

  private visible(user: AuthUser, id: string): Promise<SuggestionEntity> {
    return findVisible(this.dataSource.getRepository(SuggestionEntity).createQueryBuilder('s').where('s.id = :id', { id }), user, 'Suggestion');
  }
}
