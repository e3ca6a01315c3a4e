import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsLanguageCode,
  IsUsdAmount,
  LanguageList,
  OneOf,
  Present,
  PresentNonNull,
  SdgList,
  ServerSetFields,
  TextField,
  VocabularyList,
  WindowPatchDto,
} from '@capmatch/platform';
import { CAPACITY_AREAS, COOPERATION_TYPES, MODALITIES, PRIORITIES, TARGET_GROUPS, type Priority } from '@capmatch/taxonomy';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { REQUEST_SERVER_SET } from './create-request.dto';

/**
 * Body of PATCH /v1/requests/{id}: any subset of the create fields, same rules. `null` clears
 * the two nullable fields (budgetUsd, nationalStrategyRef) and is refused for every other one.
 * The country of a request never changes.
 */
@ServerSetFields(...REQUEST_SERVER_SET, 'country')
export class UpdateRequestDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200, example: 'Kinyarwanda and Swahili speech data' })
  @Present()
  @TextField(3, 200)
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 })
  @Present()
  @TextField(1, 5000)
  description?: string;

  @ApiPropertyOptional({ example: 'fr' })
  @Present()
  @IsLanguageCode()
  language?: string;

  @ApiPropertyOptional({ enum: CAPACITY_AREAS, isArray: true, minItems: 1, maxItems: 20 })
  @Present()
  @VocabularyList(CAPACITY_AREAS, 1)
  capacityAreas?: string[];

  @ApiPropertyOptional({ enum: MODALITIES, isArray: true, minItems: 1, maxItems: 20 })
  @Present()
  @VocabularyList(MODALITIES, 1)
  modalities?: string[];

  @ApiPropertyOptional({ type: [Number], minimum: 1, maximum: 17, example: [4, 9] })
  @Present()
  @SdgList()
  sdgs?: number[];

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true, maxItems: 20 })
  @Present()
  @VocabularyList(TARGET_GROUPS, 0)
  targetGroups?: string[];

  @ApiPropertyOptional({ type: [String], minItems: 1, maxItems: 20, example: ['rw', 'sw'] })
  @Present()
  @LanguageList()
  deliveryLanguages?: string[];

  @ApiPropertyOptional({ enum: COOPERATION_TYPES, isArray: true, description: 'Empty means all four' })
  @Present()
  @VocabularyList(COOPERATION_TYPES, 0)
  cooperationTypes?: string[];

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 1e12, nullable: true, example: 300000 })
  @PresentNonNull()
  @IsUsdAmount()
  budgetUsd?: number | null;

  @ApiPropertyOptional({ type: WindowPatchDto, description: 'Either end may be sent alone; the merged window must have start ≤ end' })
  @Present()
  @IsObject()
  @ValidateNested()
  @Type(() => WindowPatchDto)
  window?: WindowPatchDto;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @PresentNonNull()
  @TextField(0, 500, { blank: true })
  nationalStrategyRef?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Present()
  @OneOf(PRIORITIES)
  priority?: Priority;
}
