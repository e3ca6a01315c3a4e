import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { OfferSnapshot } from '@capmatch/contracts';
import { type AuthUser, type Page, type PageQuery, paginate } from '@capmatch/platform';
import { isUUID } from 'class-validator';
import { DataSource, In } from 'typeorm';
import { ProviderEntity } from '../providers/provider.entity';
import { accessTo, listScope } from './offer-access';
import { OfferHistoryEntity } from './offer-history.entity';
import { toOfferSnapshot } from './offer-snapshot';
import { OfferEntity } from './offer.entity';
import type { ListOffersDto } from './list-offers.dto';

@Injectable()
export class OfferQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first; what the caller may not see is left out, not refused. */
  async list(query: ListOffersDto, user: AuthUser): Promise<Page<OfferSnapshot>> {
    const qb = this.dataSource.manager.createQueryBuilder(OfferEntity, 'o');
    const scope = listScope(user);
    if (!scope.all) {
      qb.andWhere(scope.ownProviderId ? "(o.status = 'open' OR o.provider_id = :own)" : "o.status = 'open'", { own: scope.ownProviderId });
    }
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    if (query.providerId) qb.andWhere('o.provider_id = :providerId', { providerId: query.providerId.toLowerCase() });
    if (query.capacityArea) qb.andWhere(':area = ANY(o.capacity_areas)', { area: query.capacityArea });
    if (query.origin) qb.andWhere('o.origin = :origin', { origin: query.origin });
    const page = await paginate(qb, query, [
      { column: 'o.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'o.id', key: 'id', direction: 'ASC' },
    ]);
    const providerIds = [...new Set(page.items.map((o) => o.providerId))];
    const providers = providerIds.length
      ? await this.dataSource.manager.findBy(ProviderEntity, { id: In(providerIds) })
      : [];
    const byId = new Map(providers.map((p) => [p.id, p]));
    return { items: page.items.map((o) => toOfferSnapshot(o, byId.get(o.providerId) as ProviderEntity)), nextCursor: page.nextCursor };
  }

  async get(id: string, user: AuthUser): Promise<OfferSnapshot> {
    const offer = await this.visible(id, user);
    const provider = await this.dataSource.manager.findOneByOrFail(ProviderEntity, { id: offer.providerId });
    return toOfferSnapshot(offer, provider);
  }

  /** The audit trail, oldest first: only for those who may manage the offer. */
  async history(id: string, user: AuthUser, page: PageQuery): Promise<Page<OfferHistoryEntity>> {
    const offer = await this.visible(id, user);
    if (accessTo(offer, user) !== 'manage') {
      throw new ForbiddenException("Only the offer's provider, coordinators and admins may read its history");
    }
    const qb = this.dataSource.manager
      .createQueryBuilder(OfferHistoryEntity, 'h')
      .where('h.offer_id = :id', { id: offer.id });
    return paginate(qb, page, [
      { column: 'h.occurred_at', key: 'occurredAt', direction: 'ASC' },
      { column: 'h.id', key: 'id', direction: 'ASC' },
    ]);
  }

  private async visible(id: string, user: AuthUser): Promise<OfferEntity> {
    const offer = isUUID(id) ? await this.dataSource.manager.findOneBy(OfferEntity, { id }) : null;
    if (!offer || accessTo(offer, user) === 'none') throw new NotFoundException('Offer not found');
    return offer;
  }
}
