import { ApiPropertyOptional } from '@nestjs/swagger';
import { OneOf, PageQuery } from '@capmatch/platform';
import { PROVIDER_KINDS, type ProviderKind } from '@capmatch/taxonomy';
import { IsOptional, Matches } from 'class-validator';

export class ListProvidersDto extends PageQuery {
  @ApiPropertyOptional({ enum: PROVIDER_KINDS })
  @IsOptional()
  @OneOf(PROVIDER_KINDS)
  kind?: ProviderKind;

  @ApiPropertyOptional({ pattern: '^[A-Z]{3}$', description: 'ISO 3166-1 alpha-3 of the provider' })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: '$property must be an ISO 3166-1 alpha-3 code in upper case' })
  country?: string;
}
