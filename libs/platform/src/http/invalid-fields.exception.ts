import { BadRequestException } from '@nestjs/common';

export interface FieldError {
  /** Dotted path of the field: `window.start`, `capacityAreas`, `eligibility.regions.0`. */
  field: string;
  message: string;
}

/** A 400 names at most this many errors (contract): a hostile body must not buy a huge answer. */
export const MAX_FIELD_ERRORS = 100;

function detailOf(errors: FieldError[]): string {
  const fields = [...new Set(errors.map((e) => e.field))];
  const shown = fields.slice(0, 10).join(', ');
  return `Invalid ${shown}${fields.length > 10 ? ` and ${fields.length - 10} more` : ''}`;
}

/** 400 naming every bad field (up to 100); the problem filter puts `errors` into the document. */
export class InvalidFieldsException extends BadRequestException {
  readonly errors: FieldError[];

  constructor(errors: FieldError[], detail = detailOf(errors)) {
    super(detail);
    this.errors = errors.slice(0, MAX_FIELD_ERRORS);
  }
}
