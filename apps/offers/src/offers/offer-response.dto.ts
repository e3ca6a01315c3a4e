import { ApiProperty, OmitType } from '@nestjs/swagger';
import { HISTORY_ACTIONS } from './offer-history.entity';
import { ORIGINS, PROVIDER_KINDS } from '@capmatch/taxonomy';
import { OfferFieldsDto } from './offer-fields.dto';
import { OFFER_STATUSES } from './list-offers.dto';
import { EligibilityDto } from './eligibility.dto';

export class ProviderSummaryDto {
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROVIDER_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true, example: 'DEU' }) country: string | null;
}

/** The OfferSnapshot of libs/contracts: what every offer endpoint answers and every offer event carries. */
export class OfferResponseDto extends OmitType(OfferFieldsDto, ['sdgs', 'targetGroups', 'eligibility']) {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) providerId: string;
  @ApiProperty({ type: ProviderSummaryDto }) provider: ProviderSummaryDto;
  @ApiProperty({
    enum: ORIGINS,
    description: 'From the provider: `multilateral` (international organisation or development bank), `north` (country classified developed), `south` (any other, transition economies included)',
  })
  origin: string;
  @ApiProperty({ type: [Number] }) sdgs: number[];
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ type: EligibilityDto }) eligibility: EligibilityDto;
  @ApiProperty({ minimum: 0, description: 'Slots not yet used by a partnership' }) remainingSlots: number;
  @ApiProperty({
    enum: OFFER_STATUSES,
    description: '`open` → `exhausted` (no slot left; raising `slots` reopens it) | `withdrawn` (final)',
  })
  status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ minimum: 1, description: 'Grows by one with every change; send it back in If-Match' }) version: number;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'slots' }) field: string;
  @ApiProperty({ nullable: true, description: 'Value before (any JSON)', example: 3 }) from: unknown;
  @ApiProperty({ nullable: true, description: 'Value after (any JSON)', example: 5 }) to: unknown;
}

export class HistoryActorDto {
  @ApiProperty({ description: 'Token subject, or `matching` for changes made on a partnership.created event' }) sub: string;
  @ApiProperty({ enum: ['donor', 'coordinator', 'admin', 'system'] }) role: string;
}

export class OfferHistoryEntryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: HISTORY_ACTIONS }) action: string;
  @ApiProperty({ description: 'Offer version after the entry (unchanged for allocation-refused)' }) version: number;
  @ApiProperty({ type: HistoryActorDto }) actor: HistoryActorDto;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Why: the withdrawal reason, or the partnership that took a slot' }) reason: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) partnershipId: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The event that caused the change, if any' }) eventId: string | null;
}
