import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { InvalidFieldsException, type FieldError } from './invalid-fields.exception';

/** Flattens class-validator's tree into dotted paths: `window.start`, `eligibility.regions`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** whitelist + forbidNonWhitelisted: an unknown field is a 400 naming it. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new InvalidFieldsException(fields, `Invalid ${[...new Set(fields.map((f) => f.field))].join(', ')}`);
    },
  });
}
