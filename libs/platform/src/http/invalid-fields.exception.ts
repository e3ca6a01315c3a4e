import { BadRequestException } from '@nestjs/common';

export interface FieldError {
  /** Dotted path of the field: `window.start`, `capacityAreas`, `eligibility.regions.0`. */
  field: string;
  message: string;
}

/** 400 naming every bad field; the problem filter puts `errors` into the document. */
export class InvalidFieldsException extends BadRequestException {
  constructor(
    readonly errors: FieldError[],
    detail = `Invalid ${errors.map((e) => e.field).join(', ')}`,
  ) {
    super(detail);
  }
}
