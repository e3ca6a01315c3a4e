import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capmatch/platform';
import { CAPACITY_AREAS } from '@capmatch/taxonomy';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Matches, Max, Min } from 'class-validator';
import { Present } from './request.validators';

export const REQUEST_STATUSES = ['open', 'matched', 'withdrawn'] as const;

/** Filters of GET /v1/requests; all combine with AND, and with what the caller may see. */
export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @Present()
  @IsIn([...REQUEST_STATUSES])
  status?: (typeof REQUEST_STATUSES)[number];

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3, upper case', example: 'RWA' })
  @Present()
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ enum: CAPACITY_AREAS, description: 'Requests that name this capacity area' })
  @Present()
  @IsIn([...CAPACITY_AREAS])
  capacityArea?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 17, description: 'Requests that name this SDG' })
  @Present()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(17)
  sdg?: number;
}
