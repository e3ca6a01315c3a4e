import { ApiProperty } from '@nestjs/swagger';
import { LANGS } from '@capmatch/taxonomy';

export class LabelledDto {
  @ApiProperty({ example: 'language-technology' }) value: string;
  @ApiProperty({ example: 'Language technology' }) label: string;
}

export class SdgLabelDto {
  @ApiProperty({ minimum: 1, maximum: 17, example: 4 }) value: number;
  @ApiProperty({ example: 'Quality education' }) label: string;
}

export class RegionEntryDto extends LabelledDto {
  @ApiProperty({ example: 202 }) m49: number;
  @ApiProperty({ enum: ['region', 'subregion', 'intermediate'] }) level: string;
  @ApiProperty({ nullable: true, type: String, example: 'africa' }) parent: string | null;
}

/** Body of GET /v1/taxonomy. */
export class TaxonomyDto {
  @ApiProperty({ enum: LANGS, description: 'Language of the labels (also in Content-Language)' }) language: string;
  @ApiProperty({ type: [LabelledDto] }) capacityAreas: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) modalities: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) targetGroups: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) cooperationTypes: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) providerKinds: LabelledDto[];
  @ApiProperty({ type: [LabelledDto], description: 'Eligibility groups: ldc, lldc, sids' }) groups: LabelledDto[];
  @ApiProperty({ type: [RegionEntryDto], description: 'M49 regions, sub-regions and intermediate regions' }) regions: RegionEntryDto[];
  @ApiProperty({ type: [SdgLabelDto] }) sdgs: SdgLabelDto[];
  @ApiProperty({ type: [LabelledDto] }) priorities: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) developmentStatuses: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) incomeGroups: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) origins: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) offerRoles: LabelledDto[];
  @ApiProperty({ type: [LabelledDto] }) technologyTransferTerms: LabelledDto[];
  @ApiProperty({ type: [String], description: 'Accepted language codes: ISO 639-1, or 639-3 without a 639-1 code' })
  languages: string[];
}
