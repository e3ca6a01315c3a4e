import { AsyncLocalStorage } from 'node:async_hooks';

/** The Idempotency-Key of the call being handled, for the service to record in its transaction. */
export interface PendingKey {
  caller: string;
  key: string;
  fingerprint: string;
  /** Set once the answer is recorded, so the interceptor does not record it again. */
  recorded: boolean;
}

export const idempotencyScope = new AsyncLocalStorage<PendingKey>();

/**
 * Thrown inside the transaction when another call with the same key committed first: the
 * transaction rolls back (nothing is created twice) and the interceptor answers the first call's
 * answer instead.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('Another call with this Idempotency-Key committed first');
  }
}
