import type { EntityManager } from 'typeorm';

// Advisory lock keys of the matching service (transaction-scoped, released at commit). The
// platform's inbox uses class 2; ours live in classes 7301 and 7302 so they never collide.
//
// Lock protocol (acquired in this order, so no two transactions can wait on each other in a
// cycle):
// 1. the match gate: SHARED for work on one request at a time (a request event, a rejection, an
//    accept, a partnership step, a re-match: a request's own change alters no other request's
//    suggestions), EXCLUSIVE for offer events (they change what every request could be matched with),
//    except an offer change the engine cannot see (same `toMatchOffer` view), which takes it shared.
//    Exclusive holders see every committed request and offer and nobody matches against a stale
//    offer meanwhile; shared holders run in parallel. The platform batches several events into
//    one transaction, so an offer event may follow request events that took the gate shared:
//    the upgrade is only TRIED (waiting for it while holding the shared gate could deadlock
//    with another batch doing the same); when it fails the handler throws GateUpgradeRefused,
//    the batch rolls back and the platform handles each of its events in its own transaction.
// 2. the request lock, under a shared gate: one reconciler per request across all instances.
//    Request events of one batch take several, in arrival order; that cannot close a cycle:
//    the platform's per-aggregate lock keeps a request's events out of other batches, and
//    rejections and re-matches, the other holders of a request lock, hold only one.
// 3. row locks (FOR UPDATE) on suggestions and projections.
// 4. the seq lock, last, held from numbering a projection write until commit: projection
//    writes get their seq in commit order, so an instance that has seen seq N has seen every
//    write numbered below N (projection-index.service.ts relies on it). Event handlers write
//    seq 0 and a deferred trigger numbers the rows at commit (migration
//    StampProjectionsAtCommit), so concurrent batches wait on it only for the commit itself.
const GATE = [7301, 1] as const;
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

/** The NOTIFY channel on which every instance learns that projections moved on. */
export const PROJECTION_CHANNEL = 'capmatch_matching_projections';
