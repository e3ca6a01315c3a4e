import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

export class WithdrawOfferDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000, description: 'Why the offer is withdrawn; kept in the history' })
  @IsOptional()
  @IsString()
  @Length(1, 1000)
  reason?: string;
}
