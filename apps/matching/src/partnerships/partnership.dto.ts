import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import type { CooperationTypeName, PartnershipStatus } from '@capmatch/contracts';
import { PageQuery } from '@capmatch/platform';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import { PARTNERSHIP_ACTIONS } from '../store/partnership-history.entity';

export const PARTNERSHIP_STATUSES = ['pending', 'agreed', 'declined', 'cancelled', 'expired'] as const;

export class ConfirmationDto {
  @ApiProperty({ enum: ['country', 'provider'] }) party: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a provider: the offer it confirmed for' }) offerId?: string;
  @ApiProperty({ description: 'Token subject of who confirmed' }) sub: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class PartnershipDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) suggestionId: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Provider offer first, facilitator second (triangular)' })
  offerIds: string[];
  @ApiProperty({ example: 'RWA', description: 'Requesting country, ISO 3166-1 alpha-3' }) country: string;
  @ApiProperty({ enum: COOPERATION_TYPES }) cooperationType: string;
  @ApiProperty({
    enum: PARTNERSHIP_STATUSES,
    description: '`pending` (proposed, waiting for the country, every provider and the owners) → `agreed` | `declined` | `cancelled` | `expired`',
  })
  status: string;
  @ApiProperty({ type: [ConfirmationDto] }) confirmations: ConfirmationDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Why it ended (offer-unavailable, request-unavailable, declined by …, cancelled: …, expired), else null' })
  reason: string | null;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) agreedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) endedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty() version: number;
}

export class PartnershipPageDto {
  @ApiProperty({ type: [PartnershipDto] }) items: PartnershipDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class PartnershipActorDto {
  @ApiProperty({ description: 'Token subject, or the service that answered ("offers", "requests", "matching")' }) sub: string;
  @ApiProperty({ enum: ['country', 'donor', 'coordinator', 'admin', 'system'] }) role: string;
}

export class PartnershipHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: PARTNERSHIP_ACTIONS }) action: string;
  @ApiProperty({ type: PartnershipActorDto }) actor: PartnershipActorDto;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class PartnershipHistoryPageDto {
  @ApiProperty({ type: [PartnershipHistoryEntryDto] }) items: PartnershipHistoryEntryDto[];
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

  @ApiPropertyOptional({ enum: PARTNERSHIP_STATUSES })
  @IsOptional()
  @IsIn(PARTNERSHIP_STATUSES, { message: `$property must be one of: ${PARTNERSHIP_STATUSES.join(', ')}` })
  status?: PartnershipStatus;
}
