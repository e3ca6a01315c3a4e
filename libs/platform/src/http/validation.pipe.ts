import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { InvalidFieldsException, MAX_FIELD_ERRORS, type FieldError } from './invalid-fields.exception';
import { cacheValidationMetadata } from './validation-metadata-cache';

/** Flattens class-validator's tree into dotted paths: `window.start`, `eligibility.regions`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  // Iterative, and stops at the cap: the tree is as deep as the body (at most 32 levels).
  const stack = errors.map((e) => ({ e, parent })).reverse();
  while (stack.length > 0 && out.length < MAX_FIELD_ERRORS) {
    const { e, parent: at } = stack.pop()!;
    const field = at ? `${at}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
    for (const child of [...(e.children ?? [])].reverse()) stack.push({ e: child, parent: field });
  }
  return out.slice(0, MAX_FIELD_ERRORS);
}

/**
 * The one way bodies, queries and params are validated. A body checked against a DTO must be a
 * JSON object; no body at all is judged as `{}`, so the required fields are named.
 */
class BodyValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && typeof metadata.metatype === 'function' && this.toValidate(metadata)) {
      if (value === undefined) return super.transform({}, metadata);
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new InvalidFieldsException([{ field: 'body', message: 'must be a JSON object' }]);
      }
    }
    return super.transform(value, metadata);
  }
}

/** whitelist + forbidNonWhitelisted: an unknown field is a 400 naming it. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new BodyValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new InvalidFieldsException(flattenValidationErrors(errors)),
  });
}
