import { ApiPropertyOptional } from '@nestjs/swagger';
import { ELIGIBILITY_GROUPS, type EligibilityGroup } from '@capmatch/taxonomy';
import { IsKnownIso3, IsKnownRegion, OneOf, Present } from '@capmatch/platform';
import { ArrayMaxSize, ArrayUnique, IsArray } from 'class-validator';

// Absent lists count as empty; null is refused so a typo is not read as "everyone".

export class EligibilityDto {
  @ApiPropertyOptional({
    type: [String],
    maxItems: 200,
    uniqueItems: true,
    example: ['africa'],
    description: 'M49 regions, sub-regions or intermediate regions in kebab case (GET /v1/taxonomy on the requests service)',
  })
  @Present()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsKnownRegion({ each: true })
  regions?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 200, uniqueItems: true, example: ['RWA'], description: 'ISO 3166-1 alpha-3 codes' })
  @Present()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsKnownIso3({ each: true })
  countries?: string[];

  @ApiPropertyOptional({ enum: ELIGIBILITY_GROUPS, isArray: true, uniqueItems: true, example: ['ldc', 'sids'] })
  @Present()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @OneOf(ELIGIBILITY_GROUPS, { each: true })
  groups?: EligibilityGroup[];
}
