import { Param, ParseUUIDPipe } from '@nestjs/common';
import { InvalidFieldsException } from '@capmatch/platform';

/** The `:id` path parameter, a UUID, else 400 naming `id`. */
export const IdParam = (): ParameterDecorator =>
  Param('id', new ParseUUIDPipe({ exceptionFactory: () => new InvalidFieldsException([{ field: 'id', message: 'id must be a UUID' }]) }));
