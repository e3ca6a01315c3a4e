import type { EntityManager } from 'typeorm';

// Advisory lock keys of the matching service (transaction-scoped, released at commit). The
// platform's inbox uses class 2; ours live in classes 7301 and 7302 so they never collide.
//
// Lock protocol (acquired in this order, so no two transactions can wait on each other in a
// cycle):
// 1. the match gate, SHARED by all matching work (request and offer events, rejections,
//    accepts, partnership steps, re-matches). EXCLUSIVE is kept for work that must see nobody
//    match meanwhile (none today). Taking it exclusive inside a batch that holds it shared is
//    only TRIED (waiting while holding it shared could deadlock with another batch doing the
//    same): GateUpgradeRefused rolls the batch back and the platform retries event by event.
// 2. the offer lane, EXCLUSIVE, by the one step per batch that computes how the batch's offer
//    changes enter or leave top-K lists (offer-batch.ts): offer batches run that step one at a
//    time, while request work goes on in parallel. A batch may already hold request locks of
//    its request events when it takes the lane: harmless, as the lane's holder only tries them.
// 3. request locks, under the shared gate: one reconciler per request across all instances.
//    Request events of one batch take several, in arrival order; the offer lane only TRIES
//    them (in id order) and queues a re-match for any it cannot take, so it never waits on one.
// 4. row locks (FOR UPDATE) on suggestions and projections.
// 5. the seq lock, last, held from numbering a projection write until commit: projection
//    writes get their seq in commit order, so an instance that has seen seq N has seen every
//    write numbered below N (projection-index.service.ts relies on it). Event handlers write
//    seq 0 and a deferred trigger numbers the rows at commit (migration
//    StampProjectionsAtCommit). The match fence (match-fence.ts) takes it just before commit,
//    to see every change committed before its own, and then only tries request locks.
const GATE = [7301, 1] as const;
const OFFER_LANE = [7301, 3] as const;
const SEQ = [7301, 2] as const;
const REQUEST_CLASS = 7302;

/** The gate mode each running transaction holds (a batch's handlers share one manager). */
const gateHeld = new WeakMap<EntityManager, 'shared' | 'exclusive'>();

/** An offer event met a batch that holds the gate shared while others hold it too. */
export class GateUpgradeRefused extends Error {
  constructor() {
    super('match gate held shared by this batch and by others: the batch is retried event by event');
  }
}

export async function lockGateShared(manager: EntityManager): Promise<void> {
  if (gateHeld.has(manager)) return;
  await manager.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [...GATE]);
  gateHeld.set(manager, 'shared');
}

export async function lockGateExclusive(manager: EntityManager): Promise<void> {
  const held = gateHeld.get(manager);
  if (held === 'exclusive') return;
  if (held === 'shared') {
    // A transaction's own shared lock never conflicts with itself: this succeeds iff nobody else holds the gate.
    const rows = (await manager.query('SELECT pg_try_advisory_xact_lock($1, $2) AS ok', [...GATE])) as Array<{ ok: boolean }>;
    if (!rows[0]?.ok) throw new GateUpgradeRefused();
  } else {
    await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...GATE]);
  }
  gateHeld.set(manager, 'exclusive');
}

export async function lockRequest(manager: EntityManager, requestId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REQUEST_CLASS, requestId]);
}

/**
 * Several request locks in one round trip, in id order (a batch's request events: the inbox's
 * per-aggregate locks already keep two batches from holding the same request's events).
 */
export async function lockRequests(manager: EntityManager, ids: readonly string[]): Promise<void> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return;
  await manager.query(
    'SELECT count(pg_advisory_xact_lock($1, hashtext(id))) FROM unnest($2::text[]) AS id',
    [REQUEST_CLASS, sorted],
  );
}

/** The offer lane (protocol step 2), held until commit. */
export async function lockOfferLane(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...OFFER_LANE]);
}

/** The seq lock (protocol step 5): no projection write commits until this transaction has. */
export async function lockSeq(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...SEQ]);
}

/** Tries the request locks in id order without waiting; those another transaction holds are `missed`. */
export async function tryLockRequests(manager: EntityManager, ids: readonly string[]): Promise<{ locked: string[]; missed: string[] }> {
  const sorted = [...new Set(ids)].sort();
  if (sorted.length === 0) return { locked: [], missed: [] };
  const rows = (await manager.query(
    'SELECT t.id, pg_try_advisory_xact_lock($1, hashtext(t.id)) AS ok FROM unnest($2::text[]) WITH ORDINALITY AS t(id, n) ORDER BY t.n',
    [REQUEST_CLASS, sorted],
  )) as Array<{ id: string; ok: boolean }>;
  return { locked: rows.filter((r) => r.ok).map((r) => r.id), missed: rows.filter((r) => !r.ok).map((r) => r.id) };
}

/** The NOTIFY channel on which every instance learns that projections moved on. */
export const PROJECTION_CHANNEL = 'capmatch_matching_projections';
