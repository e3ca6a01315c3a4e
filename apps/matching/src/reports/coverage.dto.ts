import { ApiProperty } from '@nestjs/swagger';
import { CAPACITY_AREAS, COOPERATION_TYPES, ELIGIBILITY_GROUPS, TARGET_GROUPS } from '@capmatch/taxonomy';

export class RequestCountsDto {
  @ApiProperty({ description: 'Open requests' }) open: number;
  @ApiProperty({ description: 'Requests matched by a partnership' }) matched: number;
}

export class CapacityAreaCountsDto extends RequestCountsDto {
  @ApiProperty({ enum: CAPACITY_AREAS }) capacityArea: string;
}

export class RegionCountsDto extends RequestCountsDto {
  @ApiProperty({ example: 'africa', description: 'M49 region of the requesting country' }) region: string;
}

export class SubregionCountsDto extends RequestCountsDto {
  @ApiProperty({ example: 'sub-saharan-africa', description: 'M49 sub-region of the requesting country' }) subregion: string;
}

export class GroupCountsDto extends RequestCountsDto {
  @ApiProperty({ enum: ELIGIBILITY_GROUPS, description: 'LDC, LLDC or SIDS membership at submission' }) group: string;
}

export class TargetGroupCountsDto extends RequestCountsDto {
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: string;
}

export class CooperationTypeCountDto {
  @ApiProperty({ enum: COOPERATION_TYPES }) cooperationType: string;
  @ApiProperty() partnerships: number;
}

export class GapDto {
  @ApiProperty({ format: 'uuid' }) requestId: string;
  @ApiProperty({ example: 'RWA' }) country: string;
  @ApiProperty({ example: 'africa' }) region: string;
  @ApiProperty({ enum: CAPACITY_AREAS, isArray: true }) capacityAreas: string[];
}

export class GapsDto {
  @ApiProperty({ description: 'Open requests with no proposed suggestion' }) count: number;
  @ApiProperty({ type: [GapDto], description: 'The oldest of them, at most 100' }) requests: GapDto[];
}

export class CoverageReportDto {
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: RequestCountsDto }) requests: RequestCountsDto;
  @ApiProperty({ type: [CapacityAreaCountsDto] }) byCapacityArea: CapacityAreaCountsDto[];
  @ApiProperty({ type: [RegionCountsDto] }) byRegion: RegionCountsDto[];
  @ApiProperty({ type: [SubregionCountsDto] }) bySubregion: SubregionCountsDto[];
  @ApiProperty({ type: [GroupCountsDto] }) byGroup: GroupCountsDto[];
  @ApiProperty({ type: [TargetGroupCountsDto] }) byTargetGroup: TargetGroupCountsDto[];
  @ApiProperty({ type: [CooperationTypeCountDto] }) partnershipsByCooperationType: CooperationTypeCountDto[];
  @ApiProperty({ type: GapsDto }) gaps: GapsDto;
}
