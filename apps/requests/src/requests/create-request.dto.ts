import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CAPACITY_AREAS, COOPERATION_TYPES, MODALITIES, PRIORITIES, TARGET_GROUPS } from '@capmatch/taxonomy';
import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsString, Length, MaxLength, Min, ValidateNested } from 'class-validator';
import { LanguageList, SdgList, VocabularyList } from './request-fields';
import { IsEligibleCountry, IsLanguageCode, Present, PresentNonNull, ServerSet } from './request.validators';
import { WindowDto } from './window.dto';

/** Body of POST /v1/requests. Unknown fields are refused by the global ValidationPipe. */
export class CreateRequestDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Kinyarwanda speech data for public services' })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'Collect and license speech data so ministries can offer voice services.' })
  @IsString()
  @Length(1, 5000)
  description: string;

  @ApiProperty({ description: 'Language of title and description (ISO 639)', example: 'en' })
  @IsString()
  @IsLanguageCode()
  language: string;

  @ApiProperty({ enum: CAPACITY_AREAS, isArray: true, minItems: 1, maxItems: 20, example: ['language-technology', 'data'] })
  @VocabularyList(CAPACITY_AREAS, 1)
  capacityAreas: string[];

  @ApiProperty({ enum: MODALITIES, isArray: true, minItems: 1, maxItems: 20, example: ['technical-assistance', 'training'] })
  @VocabularyList(MODALITIES, 1)
  modalities: string[];

  @ApiPropertyOptional({ type: [Number], minimum: 1, maximum: 17, description: 'Sustainable Development Goals, 1–17', example: [4, 9, 10], default: [] })
  @Present()
  @SdgList()
  sdgs?: number[];

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true, maxItems: 20, example: ['rural-and-remote'], default: [] })
  @Present()
  @VocabularyList(TARGET_GROUPS, 0)
  targetGroups?: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, description: 'ISO 639 codes', example: ['rw', 'en', 'fr'] })
  @LanguageList()
  deliveryLanguages: string[];

  @ApiPropertyOptional({
    enum: COOPERATION_TYPES,
    isArray: true,
    maxItems: 4,
    description: 'Cooperation types the country accepts; absent or empty means all four',
    example: ['north-south', 'south-south', 'triangular'],
  })
  @Present()
  @VocabularyList(COOPERATION_TYPES, 0)
  cooperationTypes?: string[];

  @ApiPropertyOptional({ minimum: 0, nullable: true, example: 250000 })
  @PresentNonNull()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  budgetUsd?: number | null;

  @ApiProperty({ type: WindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window: WindowDto;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, example: 'National AI Policy 2023, pillar 2' })
  @PresentNonNull()
  @IsString()
  @MaxLength(500)
  nationalStrategyRef?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'medium' })
  @Present()
  @IsIn([...PRIORITIES])
  priority?: 'high' | 'medium' | 'low';

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-3; coordinators and admins only, and then required. A country-role caller may not send it.',
    example: 'RWA',
  })
  @Present()
  @IsEligibleCountry()
  country?: string;

  @ApiHideProperty() @Present() @ServerSet() id?: unknown;
  @ApiHideProperty() @Present() @ServerSet() status?: unknown;
  @ApiHideProperty() @Present() @ServerSet() classification?: unknown;
  @ApiHideProperty() @Present() @ServerSet() version?: unknown;
  @ApiHideProperty() @Present() @ServerSet() createdAt?: unknown;
  @ApiHideProperty() @Present() @ServerSet() updatedAt?: unknown;
}
