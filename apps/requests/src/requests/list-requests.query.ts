import { ApiPropertyOptional } from '@nestjs/swagger';
import { OneOf, PageQuery, Present, QueryInt } from '@capmatch/platform';
import { CAPACITY_AREAS } from '@capmatch/taxonomy';
import { IsInt, Matches, Max, Min } from 'class-validator';

export const REQUEST_STATUSES = ['open', 'matched', 'withdrawn'] as const;

/** Filters of GET /v1/requests; all combine with AND, and with what the caller may see. */
export class ListRequestsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @Present()
  @OneOf(REQUEST_STATUSES)
  status?: (typeof REQUEST_STATUSES)[number];

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3, upper case', example: 'RWA' })
  @Present()
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an upper-case ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ enum: CAPACITY_AREAS, description: 'Requests that name this capacity area' })
  @Present()
  @OneOf(CAPACITY_AREAS)
  capacityArea?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 17, description: 'Requests that name this SDG' })
  @Present()
  @QueryInt()
  @IsInt({ message: '$property must be an integer written in decimal digits' })
  @Min(1)
  @Max(17)
  sdg?: number;
}
