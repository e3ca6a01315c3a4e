import { PartialType } from '@nestjs/swagger';
import { ServerSetFields } from '@capmatch/platform';
import { OfferFieldsDto, OFFER_SERVER_SET } from './offer-fields.dto';

/**
 * Every field optional; a given field replaces the stored one whole (arrays and objects too).
 * The provider of an offer never changes. `skipNullProperties: false` so `"title": null` is refused rather than written as a null.
 */
@ServerSetFields(...OFFER_SERVER_SET, 'providerId')
export class UpdateOfferDto extends PartialType(OfferFieldsDto, { skipNullProperties: false }) {}
