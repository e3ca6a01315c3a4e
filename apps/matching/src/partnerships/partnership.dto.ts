import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { CooperationTypeName } from '@capmatch/contracts';
import { PageQuery } from '@capmatch/platform';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';

export class PartnershipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suggestionId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Provider offer first, facilitator second (triangular)' })
  offerIds: string[];
  @ApiProperty({ example: 'RWA', description: 'Requesting country, ISO 3166-1 alpha-3' }) country: string;
  @ApiProperty({ enum: COOPERATION_TYPES }) cooperationType: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class PartnershipPageDto {
  @ApiProperty({ type: [PartnershipDto] }) items: PartnershipDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ListPartnershipsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  requestId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  offerId?: string;

  @ApiPropertyOptional({ example: 'RWA' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an upper-case ISO 3166-1 alpha-3 code' })
  country?: string;

  @ApiPropertyOptional({ enum: COOPERATION_TYPES })
  @IsOptional()
  @IsIn(COOPERATION_TYPES, { message: `$property must be one of: ${COOPERATION_TYPES.join(', ')}` })
  cooperationType?: CooperationTypeName;
}
