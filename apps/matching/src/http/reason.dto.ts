import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Body of a decision that needs a reason: reject a suggestion, decline or cancel a partnership. */
export class ReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'The provider cannot deliver in Kinyarwanda after all' })
  @IsString()
  @Length(3, 1000)
  reason: string;
}
