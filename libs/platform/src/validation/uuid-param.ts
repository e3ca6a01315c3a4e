import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidFieldsException } from '../http/invalid-fields.exception';

/** A path parameter that must be a UUID (any version): 400 naming it otherwise, before any lookup. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new InvalidFieldsException([{ field: name, message: `${name} must be a UUID` }]),
    }),
  );
