import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { LegacyPartnershipSnapshot } from '@capmatch/contracts';
import { ApiProblemResponses, CurrentUser, paginate, UuidParam, type AuthUser, type Page } from '@capmatch/platform';
import { toPartnershipView } from '../suggestions/suggestion.mapper';
import { restrictToVisible } from '../suggestions/visibility';
import { ListPartnershipsQuery, PartnershipDto, PartnershipPageDto } from './partnership.dto';
import { PartnershipEntity } from './partnership.entity';

const VISIBILITY =
  'A country sees the partnerships of its own requests, a donor those holding an offer of its provider, ' +
  'coordinators and admins all; anything else answers 404.';

@ApiTags('partnerships')
@ApiBearerAuth()
@Controller('v1/partnerships')
export class PartnershipsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOperation({ summary: 'List partnerships, newest first', description: VISIBILITY })
  @ApiResponse({ status: 200, type: PartnershipPageDto })
  @ApiProblemResponses(400, 401, 429)
  async list(@CurrentUser() user: AuthUser, @Query() q: ListPartnershipsQuery): Promise<Page<LegacyPartnershipSnapshot>> {
    const qb = restrictToVisible(this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p'), 'p', user);
    if (q.requestId) qb.andWhere('p.request_id = :requestId', { requestId: q.requestId });
    if (q.offerId) qb.andWhere('p.offer_ids @> ARRAY[:offerId]::uuid[]', { offerId: q.offerId });
    if (q.country) qb.andWhere('p.country = :country', { country: q.country });
    if (q.cooperationType) qb.andWhere('p.cooperation_type = :cooperationType', { cooperationType: q.cooperationType });
    const page = await paginate(qb, q, [
      { column: 'p.created_at', key: 'createdAt', direction: 'DESC' },
      { column: 'p.id', key: 'id', direction: 'ASC' },
    ]);
    return { items: page.items.map(toPartnershipView), nextCursor: page.nextCursor };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One partnership', description: VISIBILITY })
  @ApiResponse({ status: 200, type: PartnershipDto })
  @ApiProblemResponses(400, 401, 404, 429)
  async get(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
  ): Promise<LegacyPartnershipSnapshot> {
    const qb = this.dataSource.getRepository(PartnershipEntity).createQueryBuilder('p').where('p.id = :id', { id });
    const found = await restrictToVisible(qb, 'p', user).getOne();
    if (!found) throw new NotFoundException('Partnership not found');
    return toPartnershipView(found);
  }
}
