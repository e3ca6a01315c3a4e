import { ApiPropertyOptional } from '@nestjs/swagger';
import { PresentNonNull, TextField } from '@capmatch/platform';

export class WithdrawOfferDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 1000, description: 'Why the offer is withdrawn; kept in the history' })
  @PresentNonNull()
  @TextField(1, 1000)
  reason?: string | null;
}
