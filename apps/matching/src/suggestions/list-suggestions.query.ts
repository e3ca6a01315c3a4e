import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { CooperationTypeName, SuggestionStatus } from '@capmatch/contracts';
import { OneOf, PageQuery, QueryDecimal } from '@capmatch/platform';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import { SUGGESTION_STATUSES } from './suggestion.dto';

export class ListSuggestionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  requestId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Suggestions holding this offer (either position)' })
  @IsOptional()
  @IsUUID('all')
  offerId?: string;

  @ApiPropertyOptional({ enum: SUGGESTION_STATUSES })
  @IsOptional()
  @OneOf(SUGGESTION_STATUSES)
  status?: SuggestionStatus;

  @ApiPropertyOptional({ enum: COOPERATION_TYPES })
  @IsOptional()
  @OneOf(COOPERATION_TYPES)
  cooperationType?: CooperationTypeName;

  @ApiPropertyOptional({ description: 'Requesting country, ISO 3166-1 alpha-3', example: 'RWA' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an upper-case ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Only suggestions scoring at least this' })
  @IsOptional()
  @QueryDecimal()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '$property must be a decimal number such as 0.75' })
  @Min(0)
  @Max(1)
  minScore?: number;
}
