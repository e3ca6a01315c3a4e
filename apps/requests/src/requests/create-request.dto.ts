import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  WindowDto,
} from '@capmatch/platform';
import { CAPACITY_AREAS, COOPERATION_TYPES, MODALITIES, PRIORITIES, TARGET_GROUPS, type Priority } from '@capmatch/taxonomy';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsEligibleCountry } from './request-country';

/** Set by the server on every request; a client naming one gets a 400 naming it. */
export const REQUEST_SERVER_SET = ['id', 'status', 'classification', 'version', 'createdAt', 'updatedAt'] as const;

/** Body of POST /v1/requests. Unknown fields are refused by the global ValidationPipe. */
@ServerSetFields(...REQUEST_SERVER_SET)
export class CreateRequestDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Kinyarwanda speech data for public services' })
  @TextField(3, 200)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, example: 'Collect and license speech data so ministries can offer voice services.' })
  @TextField(1, 5000)
  description: string;

  @ApiProperty({ description: 'Language of title and description (ISO 639)', example: 'en' })
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

  @ApiPropertyOptional({ type: Number, minimum: 0, maximum: 1e12, nullable: true, example: 250000, description: 'US dollars, at most 2 decimals' })
  @PresentNonNull()
  @IsUsdAmount()
  budgetUsd?: number | null;

  @ApiProperty({ type: WindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window: WindowDto;

  @ApiPropertyOptional({ maxLength: 500, nullable: true, example: 'National AI Policy 2023, pillar 2' })
  @PresentNonNull()
  @TextField(0, 500, { blank: true })
  nationalStrategyRef?: string | null;

  @ApiPropertyOptional({ enum: PRIORITIES, default: 'medium' })
  @Present()
  @OneOf(PRIORITIES)
  priority?: Priority;

  @ApiPropertyOptional({
    description: 'ISO 3166-1 alpha-3; coordinators and admins only, and then required. A country-role caller may not send it.',
    example: 'RWA',
  })
  @Present()
  @IsEligibleCountry()
  country?: string;
}
