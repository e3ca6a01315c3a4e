import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of POST /v1/suggestions/{id}/reject. */
export class RejectSuggestionDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'The provider cannot deliver in Kinyarwanda after all' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}
