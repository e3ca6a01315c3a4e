import { ApiProperty } from '@nestjs/swagger';
import { FACTORS } from '@capmatch/engine';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';

export const SUGGESTION_STATUSES = ['proposed', 'accepted', 'rejected', 'superseded'] as const;

export class ExplanationEntryDto {
  @ApiProperty({ enum: FACTORS, example: 'capacityAreas', description: 'Every factor appears in every explanation, in this order' }) factor: string;
  @ApiProperty({
    minimum: 0, maximum: 1, example: 0.25,
    description: 'Weight of the factor for this request; weights sum to 1. A factor the request names nothing for (no SDGs, no target groups, no budget) weighs 0 and the others share its weight',
  }) weight: number;
  @ApiProperty({ minimum: 0, maximum: 1, example: 1, description: "The factor's own score" }) score: number;
  @ApiProperty({ example: "covers language-technology, the request's first need and also data", description: 'What the combination brings or misses, and what to do about a gap' }) detail: string;
}

export class SuggestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'One offer, or for `triangular` the provider offer first and the facilitator offer second',
  })
  offerIds: string[];
  @ApiProperty({ enum: COOPERATION_TYPES }) cooperationType: string;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.812, description: 'Weighted sum of the factor scores, 3 decimals' }) score: number;
  @ApiProperty({ type: [ExplanationEntryDto] }) explanation: ExplanationEntryDto[];
  @ApiProperty({
    enum: SUGGESTION_STATUSES,
    description:
      '`proposed` → `accepted` | `rejected` | `superseded` (no longer holds: a rule now fails, or better ' +
      'combinations pushed it out of the top K; `reason` says which)',
  })
  status: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) decidedAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Token subject of the coordinator or admin who decided' })
  decidedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected, or why it was superseded' })
  reason: string | null;
}

export class SuggestionPageDto {
  @ApiProperty({ type: [SuggestionDto] }) items: SuggestionDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ActorDto {
  @ApiProperty({ description: 'Token subject, or "matching" for the matcher' }) sub: string;
  @ApiProperty({ enum: ['coordinator', 'admin', 'system'] }) role: string;
}

export class SuggestionHistoryEntryDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ enum: SUGGESTION_STATUSES, description: 'The state the suggestion entered' }) action: string;
  @ApiProperty({ type: ActorDto }) actor: ActorDto;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
}

export class SuggestionHistoryPageDto {
  @ApiProperty({ type: [SuggestionHistoryEntryDto] }) items: SuggestionHistoryEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
