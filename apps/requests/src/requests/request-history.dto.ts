import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HISTORY_ACTIONS } from './request-history.entity';
import { PresentNonNull, TextField } from '@capmatch/platform';

/** Body of POST /v1/requests/{id}/withdraw. */
export class WithdrawRequestDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'Funded by the national budget instead' })
  @PresentNonNull()
  @TextField(0, 1000, { blank: true })
  reason?: string | null;
}

export class ActorDto {
  @ApiProperty({ description: 'Token subject, or "matching" for changes caused by events' }) sub: string;
  @ApiProperty({ enum: ['country', 'donor', 'coordinator', 'admin', 'system'] }) role: string;
}

export class FieldChangeDto {
  @ApiProperty({ example: 'status' }) field: string;
  @ApiProperty({ description: 'Value before (null on submission)', example: 'open' }) from: unknown;
  @ApiProperty({ description: 'Value after', example: 'withdrawn' }) to: unknown;
}

export class HistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    enum: HISTORY_ACTIONS,
    description: '`partnership-ignored`: a partnership arrived for a request that was no longer open; nothing changed',
  })
  action: string;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ type: [FieldChangeDto] }) changes: FieldChangeDto[];
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'Version of the request after this entry' }) version: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) partnershipId: string | null;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items: HistoryEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
