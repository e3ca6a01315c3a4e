import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT = 'capmatch:idempotent';

export interface IdempotentOptions {
  /**
   * `false` for a create that needs nothing but its body (no state it checks first, no effect
   * outside its transaction) and records its answer with `recordIn` in that transaction: the
   * look-up of the key before the handler is skipped, since an earlier answer shows up as the
   * conflict of the `recordIn` insert, which rolls the repeat back and answers the first answer
   * then. One round trip fewer per fresh call; a repeat costs a rolled-back transaction instead.
   * Default `true`: the key is looked up first and a repeat runs nothing.
   */
  lookUpFirst?: boolean;
}

/**
 * On a POST create: the same `Idempotency-Key` from the same caller within 24 h answers the
 * first status and body again and commits nothing. The handler's service records the answer with
 * `IdempotencyService.recordIn(manager, body)` in the transaction that creates.
 */
export const Idempotent = ({ lookUpFirst = true }: IdempotentOptions = {}) =>
  applyDecorators(
    SetMetadata(IDEMPOTENT, { lookUpFirst } satisfies Required<IdempotentOptions>),
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
