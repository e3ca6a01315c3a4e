import { ApiPropertyOptional } from '@nestjs/swagger';
import { OneOf, PageQuery } from '@capmatch/platform';
import { CAPACITY_AREAS, ORIGINS, type Origin } from '@capmatch/taxonomy';
import type { OfferStatus } from '@capmatch/contracts';
import { IsOptional, IsUUID } from 'class-validator';

export const OFFER_STATUSES = ['open', 'exhausted', 'withdrawn'] as const;

export class ListOffersDto extends PageQuery {
  @ApiPropertyOptional({ enum: OFFER_STATUSES, description: 'Countries, and donors for other providers\' offers, only ever see `open` ones' })
  @IsOptional()
  @OneOf(OFFER_STATUSES)
  status?: OfferStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  providerId?: string;

  @ApiPropertyOptional({ enum: CAPACITY_AREAS, description: 'Offers that include this capacity area' })
  @IsOptional()
  @OneOf(CAPACITY_AREAS)
  capacityArea?: string;

  @ApiPropertyOptional({ enum: ORIGINS })
  @IsOptional()
  @OneOf(ORIGINS)
  origin?: Origin;
}
