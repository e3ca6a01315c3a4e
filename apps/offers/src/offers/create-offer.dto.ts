import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { ServerSetFields } from '@capmatch/platform';
import { OfferFieldsDto, OFFER_SERVER_SET } from './offer-fields.dto';

@ServerSetFields(...OFFER_SERVER_SET)
export class CreateOfferDto extends OfferFieldsDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Coordinators and admins: the provider the offer is for (required; 400 naming `providerId` when it names no provider). ' +
      'Donors: must be absent, the provider is the token\'s `providerId` claim.',
  })
  @IsOptional()
  @IsUUID('all')
  providerId?: string;
}
