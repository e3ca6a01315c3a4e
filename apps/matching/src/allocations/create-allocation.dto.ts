import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNumber, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ALLOCATION_OBJECTIVES, type AllocationObjective } from '@capmatch/engine/allocation';

/** A body of 256 KiB holds about 6,500 quoted UUIDs; 5,000 keeps well inside it. */
export const MAX_PLAN_REQUESTS = 5000;

/** Body of POST /v1/allocations. */
export class CreateAllocationDto {
  @ApiPropertyOptional({ enum: ALLOCATION_OBJECTIVES, default: 'fair' })
  @IsOptional()
  @IsIn(ALLOCATION_OBJECTIVES)
  objective?: AllocationObjective;

  @ApiPropertyOptional({
    type: [String], format: 'uuid', minItems: 1, maxItems: MAX_PLAN_REQUESTS,
    description: 'Plan only for these requests (default: every open request without a pending partnership)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PLAN_REQUESTS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  requestIds?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 1, description: 'Suggestions scoring below this take no part' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  minScore?: number;
}
