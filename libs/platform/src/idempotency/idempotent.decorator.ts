import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = 'capmatch:idempotent';

/**
 * On a POST create: the same `Idempotency-Key` from the same caller within 24 h answers the
 * first status and body again and runs nothing. The handler's service records the answer with
 * `IdempotencyService.recordIn(manager, body)` in the transaction that creates.
 */
export const Idempotent = () =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, true),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        '1-255 printable ASCII characters. The same key from the same caller (token subject with its country or ' +
        'providerId) within 24 hours answers the first response again (header Idempotent-Replayed: true) and creates ' +
        'nothing, also after a crash: the key is recorded in the transaction that creates. A retry while the first call ' +
        'is still running waits for it and gets its answer. The body is compared as JSON (key order does not matter); ' +
        'with a different body: 422.',
    }),
  );
