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
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsLanguage, Present } from '../common/validators';
import { EligibilityDto } from './eligibility.dto';
import { WindowDto } from './window.dto';

const oneOf = (values: readonly string[]) => `each value in $property must be one of: ${values.join(', ')}`;

export const CIVILIAN_USE_MESSAGE =
  'capmatch serves the non-military domain only (UNGA resolution 78/311): civilianUseOnly must be true';

/** The fields a client writes, shared by create and edit; create adds providerId. */
export class OfferFieldsDto {
  @ApiProperty({ minLength: 3, maxLength: 200, example: 'Open voice datasets for African languages' })
  @IsString()
  @Length(3, 200)
  @Matches(/\S/, { message: '$property must not be blank' })
  title: string;

  @ApiProperty({ minLength: 1, maxLength: 5000 })
  @IsString()
  @Length(1, 5000)
  @Matches(/\S/, { message: '$property must not be blank' })
  description: string;

  @ApiProperty({ example: 'en', description: 'Language of title and description: ISO 639-1, or ISO 639-3 without a 639-1 code' })
  @IsLanguage()
  language: string;

  @ApiProperty({ enum: CAPACITY_AREAS, isArray: true, minItems: 1, maxItems: 20, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(CAPACITY_AREAS, { each: true, message: oneOf(CAPACITY_AREAS) })
  capacityAreas: string[];

  @ApiProperty({ enum: MODALITIES, isArray: true, minItems: 1, maxItems: 20, uniqueItems: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(MODALITIES, { each: true, message: oneOf(MODALITIES) })
  modalities: string[];

  @ApiPropertyOptional({ type: [Number], minimum: 1, maximum: 17, maxItems: 17, uniqueItems: true, default: [], example: [4, 9] })
  @Present()
  @IsArray()
  @ArrayMaxSize(17)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(17, { each: true })
  sdgs?: number[];

  @ApiPropertyOptional({ enum: TARGET_GROUPS, isArray: true, maxItems: 20, uniqueItems: true, default: [] })
  @Present()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsIn(TARGET_GROUPS, { each: true, message: oneOf(TARGET_GROUPS) })
  targetGroups?: string[];

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, uniqueItems: true, example: ['en', 'fr', 'rw', 'sw'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsLanguage({ each: true })
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
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1e12)
  budgetUsd?: number | null;

  @ApiPropertyOptional({
    enum: OFFER_ROLES,
    default: 'provider',
    description: '`facilitator` funds or supports a Southern provider (triangular cooperation); refused (400, `role`) for a provider of origin `south`',
  })
  @Present()
  @IsIn(OFFER_ROLES, { message: `$property must be one of: ${OFFER_ROLES.join(', ')}` })
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
  @IsOptional()
  @IsIn(TECHNOLOGY_TRANSFER_TERMS, { message: `$property must be one of: ${TECHNOLOGY_TRANSFER_TERMS.join(', ')}` })
  technologyTransferTerms?: TechnologyTransferTerms | null;

  @ApiProperty({ enum: [true], description: 'Must be true: capmatch serves the non-military domain only (400 otherwise)' })
  @Equals(true, { message: CIVILIAN_USE_MESSAGE })
  civilianUseOnly: true;
}
