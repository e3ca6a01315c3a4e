import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CAPACITY_AREAS,
  MODALITIES,
  OFFER_ROLES,
  TARGET_GROUPS,
  TECHNOLOGY_TRANSFER_TERMS,
  type OfferRole,
  type TechnologyTransferTerms,
} from '@capmatch/taxonomy';
import {
  IsLanguageCode,
  IsUsdAmount,
  LanguageList,
  OneOf,
  Present,
  PresentNonNull,
  SdgList,
  TextField,
  VocabularyList,
  WindowDto,
} from '@capmatch/platform';
import { Type } from 'class-transformer';
import { Equals, IsBoolean, IsInt, IsObject, Max, Min, ValidateNested } from 'class-validator';
import { EligibilityDto } from './eligibility.dto';

/** Set by the server on every offer; a client naming one gets a 400 naming it. */
export const OFFER_SERVER_SET = ['id', 'status', 'origin', 'remainingSlots', 'provider', 'version', 'createdAt', 'updatedAt'] as const;

export const CIVILIAN_USE_MESSAGE =
  'capmatch serves the non-military domain only (UNGA resolution 78/311): civilianUseOnly must be true';

/** The fields a client writes, shared by create and edit; create adds providerId. */
export class OfferFieldsDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Open voice datasets for African languages' })
  @TextField(3, 200)
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @TextField(1, 5000)
  description: string;

  @ApiProperty({ example: 'en', description: 'Language of title and description: ISO 639-1, or ISO 639-3 without a 639-1 code' })
  @IsLanguageCode()
  language: string;

  @ApiProperty({ enum: CAPACITY_AREAS, isArray: true, minItems: 1, maxItems: 20, uniqueItems: true })
  @VocabularyList(CAPACITY_AREAS, 1)
  capacityAreas: string[];

  @ApiProperty({ enum: MODALITIES, isArray: true, minItems: 1, maxItems: 20, uniqueItems: true })
  @VocabularyList(MODALITIES, 1)
  modalities: string[];

  @ApiPropertyOptional({ type: [Number], minimum: 1, maximum: 17, maxItems: 17, uniqueItems: true, default: [], example: [4, 9] })
  @Present()
  @SdgList()
  sdgs?: number[];

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true, maxItems: 20, uniqueItems: true, default: [] })
  @Present()
  @VocabularyList(TARGET_GROUPS, 0)
  targetGroups?: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, uniqueItems: true, example: ['en', 'fr', 'rw', 'sw'] })
  @LanguageList()
  deliveryLanguages: string[];

  @ApiPropertyOptional({
    type: EligibilityDto,
    description: 'Absent, or every list empty: every country that may submit requests. Otherwise listed countries, countries in a listed region or sub-region, and members of a listed group.',
  })
  @Present()
  @IsObject()
  @ValidateNested()
  @Type(() => EligibilityDto)
  eligibility?: EligibilityDto;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 3, description: 'How many partnerships the offer can serve' })
  @IsInt()
  @Min(1)
  @Max(1000)
  slots: number;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 1e12, example: 400000, description: 'US dollars, at most 2 decimals' })
  @PresentNonNull()
  @IsUsdAmount()
  budgetUsd?: number | null;

  @ApiPropertyOptional({
    enum: OFFER_ROLES,
    default: 'provider',
    description: '`facilitator` funds or supports a Southern provider (triangular cooperation); refused (400, `role`) for a provider of origin `south`',
  })
  @Present()
  @OneOf(OFFER_ROLES)
  role?: OfferRole;

  @ApiProperty({ type: WindowDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WindowDto)
  window: WindowDto;

  @ApiPropertyOptional({ default: false })
  @Present()
  @IsBoolean()
  openSource?: boolean;

  @ApiPropertyOptional({ enum: TECHNOLOGY_TRANSFER_TERMS, nullable: true })
  @PresentNonNull()
  @OneOf(TECHNOLOGY_TRANSFER_TERMS)
  technologyTransferTerms?: TechnologyTransferTerms | null;

  @ApiProperty({ enum: [true], description: 'Must be true: capmatch serves the non-military domain only (400 otherwise)' })
  @Equals(true, { message: CIVILIAN_USE_MESSAGE })
  civilianUseOnly: true;
}
