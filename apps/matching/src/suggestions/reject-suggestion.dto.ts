import { ApiProperty } from '@nestjs/swagger';
import { TextField } from '@capmatch/platform';

/** Body of POST /v1/suggestions/{id}/reject. */
export class RejectSuggestionDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'The provider cannot deliver in Kinyarwanda after all' })
  @TextField(3, 1000)
  reason: string;
}
