import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InvalidFieldsException } from './invalid-fields.exception';

/** Parses `If-Match: "<version>"` (also `W/"3"` or a bare `3`); `*` or no header means no check. */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  if (value === '*' || value === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value);
  if (!match) {
    throw new InvalidFieldsException(
      [{ field: 'If-Match', message: 'must be the object version in quotes, e.g. "3"' }],
      'Invalid If-Match header',
    );
  }
  return Number(match[1]);
}

/** The version the client expects the object to be at, or undefined when it sent none. */
export const IfMatch = createParamDecorator((_: unknown, ctx: ExecutionContext): number | undefined =>
  parseIfMatch(ctx.switchToHttp().getRequest<Request>().headers['if-match']),
);
