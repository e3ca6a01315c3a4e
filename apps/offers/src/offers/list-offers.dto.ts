import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capmatch/platform';
import { CAPACITY_AREAS, ORIGINS, type Origin } from '@capmatch/taxonomy';
import type { OfferStatus } from '@capmatch/contracts';
import { IsIn, IsOptional, IsUUID } from 'class-validator';

export const OFFER_STATUSES = ['open', 'exhausted', 'withdrawn'] as const;

export class ListOffersDto extends PageQuery {
  @ApiPropertyOptional({ enum: OFFER_STATUSES, description: 'Countries, and donors for other providers\' offers, only ever see `open` ones' })
  @IsOptional()
  @IsIn(OFFER_STATUSES, { message: `$property must be one of: ${OFFER_STATUSES.join(', ')}` })
  status?: OfferStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  providerId?: string;

  @ApiPropertyOptional({ enum: CAPACITY_AREAS, description: 'Offers that include this capacity area' })
  @IsOptional()
  @IsIn(CAPACITY_AREAS, { message: `$property must be one of: ${CAPACITY_AREAS.join(', ')}` })
  capacityArea?: string;

  @ApiPropertyOptional({ enum: ORIGINS })
  @IsOptional()
  @IsIn(ORIGINS, { message: `$property must be one of: ${ORIGINS.join(', ')}` })
  origin?: Origin;
}
