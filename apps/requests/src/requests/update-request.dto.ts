import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPACITY_AREAS, COOPERATION_TYPES, MODALITIES, PRIORITIES, TARGET_GROUPS } from '@capmatch/taxonomy';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LanguageList, SdgList, VocabularyList } from './request-fields';
import { IsLanguageCode, Present, PresentNonNull, ServerSet } from './request.validators';
import { WindowPatchDto } from './window.dto';

/**
 * Body of PATCH /v1/requests/{id}: any subset of the create fields, same rules. `null` clears
 * the two nullable fields (budgetUsd, nationalStrategyRef) and is refused for every other one.
 * The country of a request never changes.
 */
export class UpdateRequestDto {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200, example: 'Kinyarwanda and Swahili speech data' })
  @Present()
  @IsString()
  @Length(3, 200)
  title?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 5000 })
  @Present()
  @IsString()
  @Length(1, 5000)
  description?: string;

  @ApiPropertyOptional({ example: 'fr' })
  @Present()
  @IsString()
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

  @ApiPropertyOptional({ minimum: 0, nullable: true, example: 300000 })
  @PresentNonNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  budgetUsd?: number | null;

  @ApiPropertyOptional({ type: WindowPatchDto, description: 'Either end may be sent alone; the merged window must have start ≤ end' })
  @Present()
  @IsObject()
  @ValidateNested()
  @Type(() => WindowPatchDto)
  window?: WindowPatchDto;

  @ApiPropertyOptional({ maxLength: 500, nullable: true })
  @PresentNonNull()
  @IsString()
  @MaxLength(500)
  nationalStrategyRef?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES })
  @Present()
  @IsIn([...PRIORITIES])
  priority?: 'high' | 'medium' | 'low';

  @ApiHideProperty() @Present() @ServerSet() id?: unknown;
  @ApiHideProperty() @Present() @ServerSet() country?: unknown;
  @ApiHideProperty() @Present() @ServerSet() status?: unknown;
  @ApiHideProperty() @Present() @ServerSet() classification?: unknown;
  @ApiHideProperty() @Present() @ServerSet() version?: unknown;
  @ApiHideProperty() @Present() @ServerSet() createdAt?: unknown;
  @ApiHideProperty() @Present() @ServerSet() updatedAt?: unknown;
}
