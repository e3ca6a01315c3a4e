import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capmatch/platform';
import { DEVELOPMENT_STATUSES, ELIGIBILITY_GROUPS, INCOME_GROUPS, REGIONS } from '@capmatch/taxonomy';
import { IsIn, ValidateIf } from 'class-validator';

const present = () => ValidateIf((_o, v) => v !== undefined);

/** One row of the country classification (LDC membership as of today). */
export class CountryDto {
  @ApiProperty({ example: 'RWA' }) iso3: string;
  @ApiProperty({ example: 'RW' }) iso2: string;
  @ApiProperty({ example: 646 }) m49: number;
  @ApiProperty({ example: 'Rwanda' }) name: string;
  @ApiProperty({ enum: REGIONS, example: 'africa' }) region: string;
  @ApiProperty({ enum: REGIONS, example: 'sub-saharan-africa' }) subregion: string;
  @ApiProperty({ enum: REGIONS, nullable: true, example: 'eastern-africa' }) intermediateRegion: string | null;
  @ApiProperty({ enum: DEVELOPMENT_STATUSES, example: 'developing' }) developmentStatus: string;
  @ApiProperty({ description: 'On the UN LDC list today', example: true }) ldc: boolean;
  @ApiProperty({ description: 'Landlocked developing country', example: true }) lldc: boolean;
  @ApiProperty({ description: 'Small island developing state', example: false }) sids: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Date it left (or will leave) the LDC list' })
  ldcGraduation: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'date',
    example: '2029-11-24',
    description: 'End of the smooth transition after LDC graduation (graduation + LDC_SMOOTH_TRANSITION_YEARS, default 3): offers eligible to `ldc` stay open to the country before this day',
  })
  ldcTransitionUntil: string | null;
  @ApiProperty({ enum: INCOME_GROUPS, nullable: true, example: 'low' }) incomeGroup: string | null;
  @ApiProperty({ type: [String], description: 'Official languages, ISO 639', example: ['rw', 'en', 'fr', 'sw'] })
  languages: string[];
}

export class CountryPageDto {
  @ApiProperty({ type: [CountryDto] }) items: CountryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

/** Filters of GET /v1/countries; they combine with AND. Countries are listed by iso3. */
export class ListCountriesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REGIONS, description: 'Matches the region, sub-region or intermediate region' })
  @present()
  @IsIn([...REGIONS])
  region?: string;

  @ApiPropertyOptional({ enum: ELIGIBILITY_GROUPS, description: 'LDC as of today' })
  @present()
  @IsIn([...ELIGIBILITY_GROUPS])
  group?: (typeof ELIGIBILITY_GROUPS)[number];

  @ApiPropertyOptional({ enum: DEVELOPMENT_STATUSES })
  @present()
  @IsIn([...DEVELOPMENT_STATUSES])
  developmentStatus?: (typeof DEVELOPMENT_STATUSES)[number];
}
