import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { paginate, type AuthUser, type Page, type PageQuery } from '@capmatch/platform';
import { PartnershipHistoryEntity } from '../store/partnership-history.entity';
import { PartnershipEntity } from '../store/partnership.entity';
import { restrictToVisible } from '../store/visibility';
import type { ListPartnershipsQuery } from './partnership.dto';
import { toPartnershipView, type PartnershipView } from './partnership.mapper';

export interface PartnershipHistoryEntry {
  at: string;
  action: string;
  actor: { sub: string; role: string };
  reason: string | null;
}

/** Reads of partnerships, always through the caller's visibility (as for suggestions). */
@Injectable()
export class PartnershipQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, q: ListPartnershipsQuery): Promise<Page<PartnershipView>> {
    const qb = restrictToVisible(this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p'), 'p', user);
    if (q.requestId) qb.andWhere('p.request_id = :requestId', { requestId: q.requestId });
    if (q.offerId) qb.andWhere('p.offer_ids @> ARRAY[:offerId]::uuid[]', { offerId: q.offerId });
    if (q.country) qb.andWhere('p.country = :country', { country: q.country });
    if (q.cooperationType) qb.andWhere('p.cooperation_type = :cooperationType', { cooperationType: q.cooperationType });
    if (q.status) qb.andWhere('p.status = :status', { status: q.status });
    const page = await paginate(qb, q, [
      { column: 'p.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'p.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: page.items.map(toPartnershipView), nextCursor: page.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<PartnershipView> {
    return toPartnershipView(await this.visible(user, id));
  }

  async history(user: AuthUser, id: string, q: PageQuery): Promise<Page<PartnershipHistoryEntry>> {
    await this.visible(user, id);
    const qb = this.dataSource.getRepository(PartnershipHistoryEntity).createQueryBuilder('h').where('h.partnership_id = :id', { id });
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

  private async visible(user: AuthUser, id: string): Promise<PartnershipEntity> {
    const qb = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const found = await restrictToVisible(qb, 'p', user).getOne();
    if (!found) throw new NotFoundException('Partnership not found');
    return found;
  }
}
