import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches, ValidateIf } from 'class-validator';
import { ROLES } from '@capmatch/platform';

export class DevTokenRequestDto {
  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: (typeof ROLES)[number];

  @ApiPropertyOptional({ example: 'RWA', description: 'ISO 3166-1 alpha-3; required for role country' })
  @ValidateIf((o: DevTokenRequestDto) => o.role === 'country' || o.country !== undefined)
  @Matches(/^[A-Z]{3}$/, { message: 'country must be an ISO 3166-1 alpha-3 code in upper case' })
  country?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for role donor' })
  @ValidateIf((o: DevTokenRequestDto) => o.role === 'donor' || o.providerId !== undefined)
  @IsUUID()
  providerId?: string;

  @ApiPropertyOptional({ description: 'Token subject; a readable one is made up when absent' })
  @IsOptional()
  @Matches(/^[\w.:@-]{1,100}$/, { message: 'sub must be 1-100 letters, digits or ._:@-' })
  sub?: string;
}

export class DevTokenDto {
  @ApiProperty() token: string;
}

export class SessionOptionsDto {
  @ApiProperty({ description: 'Whether POST /console/dev-token signs development tokens (never in production)' })
  devTokens: boolean;
}
