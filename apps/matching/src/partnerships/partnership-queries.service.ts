import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { paginate, type AuthUser, type Page, type PageQuery } from '@capmatch/platform';
import { PartnershipHistoryEntity } from '../store/partnership-history.entity';
import { PartnershipEntity } from '../store/partnership.entity';
import { historyPage, type HistoryEntry } from '../store/audit-trail';
import { filterDecisions, findVisible, restrictToVisible } from '../store/visibility';
import type { ListPartnershipsQuery } from './partnership.dto';
import { toPartnershipView, type PartnershipView } from './partnership.mapper';

/** Reads of partnerships, always through the caller's visibility (as for suggestions). */
@Injectable()
export class PartnershipQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, q: ListPartnershipsQuery): Promise<Page<PartnershipView>> {
    const qb = filterDecisions(restrictToVisible(this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p'), 'p', user), 'p', q);
    const page = await paginate(qb, q, [
      { column: 'p.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'p.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: page.items.map(toPartnershipView), nextCursor: page.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<PartnershipView> {
    return toPartnershipView(await this.visible(user, id));
  }

  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<HistoryEntry>> {
    await this.visible(user, id);
    return historyPage(this.dataSource.getRepository(PartnershipHistoryEntity).createQueryBuilder('h').where('h.partnership_id = :id', { id }), q);
  }

  private visible(user: AuthUser, id: string): Promise<PartnershipEntity> {
    return findVisible(this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p').where('p.id = :id', { id }), user, 'Partnership');
  }
}
