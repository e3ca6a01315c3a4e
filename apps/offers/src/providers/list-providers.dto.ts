import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@capmatch/platform';
import { PROVIDER_KINDS, type ProviderKind } from '@capmatch/taxonomy';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ListProvidersDto extends PageQuery {
  @ApiPropertyOptional({ enum: PROVIDER_KINDS })
  @IsOptional()
  @IsIn(PROVIDER_KINDS, { message: `$property must be one of: ${PROVIDER_KINDS.join(', ')}` })
  kind?: ProviderKind;

  @ApiPropertyOptional({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 of the provider' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 3166-1 alpha-3 code in upper case' })
  country?: string;
}
