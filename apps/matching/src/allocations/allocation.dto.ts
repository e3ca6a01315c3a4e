import { ApiProperty } from '@nestjs/swagger';
import { ALLOCATION_OBJECTIVES } from '@capmatch/engine/allocation';

const REASONS = ['no-suggestion', 'below-min-score', 'no-free-slot', 'slots-taken', 'not-open'];

export class PlanItemDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ format: 'uuid' }) suggestionId: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
}

export class UnassignedDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({
    enum: REASONS,
    description:
      '`no-suggestion`: no proposed suggestion; `below-min-score`: all score below minScore; `no-free-slot`: each ' +
      'holds an offer with no free slot; `slots-taken`: the slots it could use serve other requests under the objective; ' +
      '`not-open`: named in requestIds but not open, or with a pending partnership',
  })
  reason: string;
}

export class PlanFiguresDto {
  @ApiProperty() served: number;
  @ApiProperty({ description: 'Requests served from LDCs (smooth transition included), LLDCs and SIDS' }) servedPriority: number;
  @ApiProperty() totalScore: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Lowest score among the requests served; null when none is' })
  minScore: number | null;
}

export class PlanStatsDto extends PlanFiguresDto {
  @ApiProperty({
    type: PlanFiguresDto,
    description:
      'The greedy order over the same suggestions: every suggestion best score first, taken when its request is ' +
      'unserved and its offers have a free slot (a request whose best lost its slot falls back to its next)',
  })
  greedy: PlanFiguresDto;
}

export class AllocationPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ALLOCATION_OBJECTIVES }) objective: string;
  @ApiProperty({ type: [PlanItemDto], description: 'Best score first' }) items: PlanItemDto[];
  @ApiProperty({ type: [UnassignedDto] }) unassigned: UnassignedDto[];
  @ApiProperty({ type: PlanStatsDto }) stats: PlanStatsDto;
  @ApiProperty({ description: 'Proven optimal by the solver; false when ALLOCATION_TIME_LIMIT_MS cut the solve short' })
  optimal: boolean;
  @ApiProperty() solveMs: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SkippedDto {
  @ApiProperty({ format: 'uuid' }) suggestionId: string;
  @ApiProperty({ description: 'Why accepting it failed now, as accept would answer (409 or 404 detail)' }) reason: string;
}

export class ApplyResultDto {
  @ApiProperty({ type: [String], format: 'uuid', description: 'Partnerships created, in plan order' }) accepted: string[];
  @ApiProperty({ type: [SkippedDto] }) skipped: SkippedDto[];
}
