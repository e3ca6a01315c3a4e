import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = 'capmatch:idempotent';

/**
 * On a POST create: the same `Idempotency-Key` from the same caller within 24 h answers the
 * first status and body again and runs nothing.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1-255 printable ASCII characters. The same key from the same caller within 24 hours answers the first ' +
        'response again (header Idempotent-Replayed: true) and creates nothing; while the first is still running: 409; ' +
        'with a different body: 422.',
    }),
  );
