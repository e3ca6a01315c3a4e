import { ApiProperty } from '@nestjs/swagger';
import {
  CAPACITY_AREAS,
  COOPERATION_TYPES,
  DEVELOPMENT_STATUSES,
  INCOME_GROUPS,
  MODALITIES,
  PRIORITIES,
  TARGET_GROUPS,
} from '@capmatch/taxonomy';
import { REQUEST_STATUSES } from './list-requests.query';
import { WindowDto } from '@capmatch/platform';

/** The classification of the requesting country on the submission date (frozen). */
export class ClassificationDto {
  @ApiProperty({ example: 'africa' }) region: string;
  @ApiProperty({ example: 'sub-saharan-africa' }) subregion: string;
  @ApiProperty({ example: 'eastern-africa', nullable: true, type: String }) intermediateRegion: string | null;
  @ApiProperty({ enum: DEVELOPMENT_STATUSES, example: 'developing' }) developmentStatus: string;
  @ApiProperty({ description: 'On the LDC list on the submission date', example: true }) ldc: boolean;
  @ApiProperty({ description: 'Landlocked developing country', example: true }) lldc: boolean;
  @ApiProperty({ description: 'Small island developing state', example: false }) sids: boolean;
  @ApiProperty({ enum: INCOME_GROUPS, nullable: true, example: 'low' }) incomeGroup: string | null;
  @ApiProperty({
    description: 'End of the smooth transition after LDC graduation (graduation + LDC_SMOOTH_TRANSITION_YEARS): offers restricted to `ldc` serve the country before this day; null if it never left the LDC list',
    nullable: true, type: String, format: 'date', example: '2029-11-24', required: false,
  })
  ldcTransitionUntil?: string | null;
}

/** A request as answered by the API and carried by every request.* event. */
export class RequestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'ISO 3166-1 alpha-3', example: 'RWA' }) country: string;
  @ApiProperty({ example: 'Kinyarwanda speech data for public services' }) title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'en' }) language: string;
  @ApiProperty({ enum: CAPACITY_AREAS, isArray: true }) capacityAreas: string[];
  @ApiProperty({ enum: MODALITIES, isArray: true }) modalities: string[];
  @ApiProperty({ type: [Number], example: [4, 9, 10] }) sdgs: number[];
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups: string[];
  @ApiProperty({ type: [String], example: ['rw', 'en', 'fr'] }) deliveryLanguages: string[];
  @ApiProperty({ enum: COOPERATION_TYPES, isArray: true }) cooperationTypes: string[];
  @ApiProperty({ nullable: true, type: Number, example: 250000 }) budgetUsd: number | null;
  @ApiProperty({ type: WindowDto }) window: WindowDto;
  @ApiProperty({ nullable: true, type: String }) nationalStrategyRef: string | null;
  @ApiProperty({ enum: PRIORITIES }) priority: string;
  @ApiProperty({ enum: REQUEST_STATUSES, example: 'open' }) status: string;
  @ApiProperty({ type: ClassificationDto }) classification: ClassificationDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ description: 'Starts at 1, +1 on every change; send it back in If-Match', example: 1 }) version: number;
}

export class RequestPageDto {
  @ApiProperty({ type: [RequestDto] }) items: RequestDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as `cursor` for the next page; null on the last' })
  nextCursor: string | null;
}
