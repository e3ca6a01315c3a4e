import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import type { CooperationTypeName, SuggestionStatus } from '@capmatch/contracts';
import { PageQuery } from '@capmatch/platform';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import { SUGGESTION_STATUSES } from './suggestion.dto';

const oneOf = (values: readonly string[]) => ({ message: `$property must be one of: ${values.join(', ')}` });

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
  @IsIn(SUGGESTION_STATUSES, oneOf(SUGGESTION_STATUSES))
  status?: SuggestionStatus;

  @ApiPropertyOptional({ enum: COOPERATION_TYPES })
  @IsOptional()
  @IsIn(COOPERATION_TYPES, oneOf(COOPERATION_TYPES))
  cooperationType?: CooperationTypeName;

  @ApiPropertyOptional({ description: 'Requesting country, ISO 3166-1 alpha-3', example: 'RWA' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an upper-case ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Only suggestions scoring at least this' })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;
}
