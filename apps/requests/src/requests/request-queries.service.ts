import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestSnapshot } from '@capmatch/contracts';
import { PageQuery, paginate, type AuthUser, type Page } from '@capmatch/platform';
import type { ListRequestsQuery } from './list-requests.query';
import { mayManage, maySee } from './request-access';
import { RequestHistoryEntity } from './request-history.entity';
import { RequestEntity } from './request.entity';
import { toSnapshot } from './request.mapper';

export interface HistoryEntry {
  at: string;
  action: RequestHistoryEntity['action'];
  actor: { sub: string; role: RequestHistoryEntity['actorRole'] };
  changes: RequestHistoryEntity['changes'];
  reason: string | null;
  version: number;
  partnershipId: string | null;
}

/** Reading requests, narrowed to what the caller may see; what it may not see is "not found". */
@Injectable()
export class RequestQueries {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser, query: ListRequestsQuery): Promise<Page<RequestSnapshot>> {
    const qb = this.dataSource.getRepository(RequestEntity).createQueryBuilder('r');
    if (user.role === 'country') qb.andWhere('r.country = :own', { own: user.country });
    if (user.role === 'donor') qb.andWhere(`r.status = 'open'`);
    if (query.status) qb.andWhere('r.status = :status', { status: query.status });
    if (query.country) qb.andWhere('r.country = :country', { country: query.country });
    // Array containment (@>) is what the GIN indexes on these columns serve.
    if (query.capacityArea) qb.andWhere('r.capacity_areas @> ARRAY[:area]::text[]', { area: query.capacityArea });
    if (query.sdg !== undefined) qb.andWhere('r.sdgs @> ARRAY[:sdg]::smallint[]', { sdg: query.sdg });
    const page = await paginate(qb, query, [
      { column: 'r.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'r.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: page.items.map(toSnapshot), nextCursor: page.nextCursor };
  }

  async get(user: AuthUser, id: string): Promise<RequestSnapshot> {
    const request = await this.dataSource.getRepository(RequestEntity).findOneBy({ id });
    if (!request || !maySee(user, request)) throw new NotFoundException(`Request ${id} not found`);
    return toSnapshot(request);
  }

  /** The audit trail, oldest first. */
  async history(user: AuthUser, id: string, query: PageQuery): Promise<Page<HistoryEntry>> {
    const request = await this.dataSource.getRepository(RequestEntity).findOneBy({ id });
    if (!request || !mayManage(user, request)) throw new NotFoundException(`Request ${id} not found`);
    const qb = this.dataSource
      .getRepository(RequestHistoryEntity)
      .createQueryBuilder('h')
      .where('h.request_id = :id', { id });
    const page = await paginate(qb, query, [{ column: 'h.seq', key: 'seq', direction: 'ASC' }]);
    return {
      items: page.items.map((h) => ({
        at: h.at.toISOString(),
        action: h.action,
        actor: { sub: h.actorSub, role: h.actorRole },
        changes: h.changes,
        reason: h.reason,
        version: h.version,
        partnershipId: h.partnershipId,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
