import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsCalendarDate, NotBefore, Present } from './field-rules';

/** A delivery window of a request or an offer: whole days, start ≤ end. */
export class WindowDto {
  @ApiProperty({ format: 'date', example: '2027-01-01', description: 'First day (YYYY-MM-DD)' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ format: 'date', example: '2027-12-31', description: 'Last day (YYYY-MM-DD), on or after `start`' })
  @IsCalendarDate()
  @NotBefore('start')
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
  @NotBefore('start')
  end?: string;
}
