import { flattenValidationErrors, type FieldError } from '@capmatch/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';

type Cls<T> = new () => T;

/**
 * Validates a JSON body against a DTO class the way the global pipe does (unknown fields
 * refused), but returns the errors instead of throwing, so the caller can add the checks that
 * depend on the caller's role or on stored data and name every bad field in one answer.
 * Fields the server owns get a message saying so rather than "should not exist".
 */
export async function validateBody<T extends object>(
  cls: Cls<T>,
  body: unknown,
  serverOwned: readonly string[],
): Promise<{ dto: T; errors: FieldError[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { dto: new cls(), errors: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const errors: FieldError[] = [];
  const rest: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  for (const field of serverOwned) {
    if (!Object.hasOwn(rest, field)) continue;
    errors.push({ field, message: `${field} is set by the server and cannot be given` });
    delete rest[field];
  }
  const dto = plainToInstance(cls, rest);
  const found = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  errors.push(...flattenValidationErrors(found));
  return { dto, errors };
}
