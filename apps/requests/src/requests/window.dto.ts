import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, NotBeforeStart, Present } from './request.validators';

export class WindowDto {
  @ApiProperty({ description: 'First day, YYYY-MM-DD', format: 'date', example: '2027-01-01' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ description: 'Last day, YYYY-MM-DD, not before start', format: 'date', example: '2027-12-31' })
  @IsCalendarDate()
  @NotBeforeStart()
  end: string;
}

/** In a PATCH either end may move alone; the service checks start ≤ end on the merged window. */
export class WindowPatchDto {
  @ApiPropertyOptional({ format: 'date', example: '2027-03-01' })
  @Present()
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({ format: 'date', example: '2028-06-30' })
  @Present()
  @IsCalendarDate()
  @NotBeforeStart()
  end?: string;
}
