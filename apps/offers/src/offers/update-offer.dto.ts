import { PartialType } from '@nestjs/swagger';
import { OfferFieldsDto } from './offer-fields.dto';

/**
 * Every field optional; a given field replaces the stored one whole (arrays and objects too).
 * `skipNullProperties: false` so `"title": null` is refused rather than written as a null.
 */
export class UpdateOfferDto extends PartialType(OfferFieldsDto, { skipNullProperties: false }) {}
