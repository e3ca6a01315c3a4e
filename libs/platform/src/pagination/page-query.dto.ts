import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsStorableText } from '../validation/field-rules';
import { QueryInt } from '../validation/query-numbers';

/** Base of every list query: `limit` (1–200, default 50) and the opaque `cursor` of the previous page. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @QueryInt()
  @IsInt({ message: '$property must be an integer written in decimal digits' })
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  @IsStorableText()
  cursor?: string;
}

/** The answer of every list endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
