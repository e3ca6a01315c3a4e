import type { EntityManager } from 'typeorm';

// Advisory lock keys of the matching service (transaction-scoped, released at commit). The
// platform's inbox uses class 2; ours live in classes 7301 and 7302 so they never collide.
//
// Lock protocol (acquired in this order, so no two transactions can wait on each other in a
// cycle):
// 1. the match gate: SHARED for work on one request at a time (a rejection, a re-match),
//    EXCLUSIVE for event handlers (an offer event changes what every request could be matched
//    with; request events share transactions with offer events when the platform batches) and
//    accepts. Exclusive holders see every committed request and offer and nobody matches
//    against a stale offer meanwhile; shared holders run in parallel.
// 2. the request lock, under a shared gate: one reconciler per request across all instances.
// 3. row locks (FOR UPDATE) on suggestions and projections.
// 4. the seq lock, last, held from numbering a projection write until commit: projection
//    writes get their seq in commit order, so an instance that has seen seq N has seen every
//    write numbered below N (projection-index.service.ts relies on it).
const GATE = [7301, 1] as const;
const SEQ = [7301, 2] as const;
const REQUEST_CLASS = 7302;

export async function lockGateShared(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock_shared($1, $2)', [...GATE]);
}

export async function lockGateExclusive(manager: EntityManager): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...GATE]);
}

export async function lockRequest(manager: EntityManager, requestId: string): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REQUEST_CLASS, requestId]);
}

/** The NOTIFY channel on which every instance learns that projections moved on. */
export const PROJECTION_CHANNEL = 'capmatch_matching_projections';

/**
 * Numbers the given projection rows in commit order and wakes the other instances. Must be the
 * transaction's last statement that waits on a lock: the seq lock is held until commit.
 */
export async function stampProjections(
  manager: EntityManager,
  rows: { requests?: readonly string[]; offers?: readonly string[] },
): Promise<void> {
  const requests = rows.requests ?? [];
  const offers = rows.offers ?? [];
  if (requests.length + offers.length === 0) return;
  await manager.query('SELECT pg_advisory_xact_lock($1, $2)', [...SEQ]);
  // One round trip: both tables numbered and the wake-up queued (delivered at commit).
  await manager.query(
    `WITH r AS (
       UPDATE matching.request_projections SET seq = nextval('matching.projection_seq') WHERE id = ANY($1::uuid[]) RETURNING 1),
     o AS (
       UPDATE matching.offer_projections SET seq = nextval('matching.projection_seq') WHERE id = ANY($2::uuid[]) RETURNING 1)
     SELECT pg_notify($3, '') FROM (SELECT count(*) FROM r UNION ALL SELECT count(*) FROM o) AS written LIMIT 1`,
    [requests, offers, PROJECTION_CHANNEL],
  );
}
