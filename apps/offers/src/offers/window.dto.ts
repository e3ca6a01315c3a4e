import { ApiProperty } from '@nestjs/swagger';
import { IsIsoDate, IsOnOrAfter } from '../common/validators';

export class WindowDto {
  @ApiProperty({ format: 'date', example: '2026-06-01', description: 'First day the offer can be delivered (YYYY-MM-DD)' })
  @IsIsoDate()
  start: string;

  @ApiProperty({ format: 'date', example: '2028-12-31', description: 'Last day (YYYY-MM-DD), on or after `start`' })
  @IsIsoDate()
  @IsOnOrAfter('start')
  end: string;
}
