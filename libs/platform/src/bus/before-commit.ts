import type { EntityManager } from 'typeorm';

/** Work deferred to the end of a transaction that several handlers share, keyed so each runs once. */
const pending = new WeakMap<EntityManager, Map<string, () => Promise<void>>>();

/**
 * Asks the transaction's owner to run `fn` once, after its last handler and before it commits
 * (the same key registered again keeps the first). Returns false when the transaction has no
 * owner that runs such work (a plain `dataSource.transaction`): the caller then does it itself.
 *
 * The event worker's batches run them (EventBatcher): a handler can collect what its events
 * touched and do the work once per batch instead of once per event.
 */
export function beforeCommit(manager: EntityManager, key: string, fn: () => Promise<void>): boolean {
  const hooks = pending.get(manager);
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, fn);
  return true;
}

/** Opens a transaction to beforeCommit registrations (the owner calls runBeforeCommit before committing). */
export function acceptBeforeCommit(manager: EntityManager): void {
  pending.set(manager, new Map());
}

/** Runs the registered work in registration order, including work registered meanwhile. */
export async function runBeforeCommit(manager: EntityManager): Promise<void> {
  const hooks = pending.get(manager);
  if (!hooks) return;
  for (const [key, fn] of hooks) {
    await fn();
    hooks.delete(key);
  }
  pending.delete(manager);
}
