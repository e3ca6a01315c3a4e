import type { EntityManager } from 'typeorm';
import type { AllocationInput } from '@capmatch/engine/allocation';

// What a plan is computed over, read in one snapshot: the open requests without a pending
// partnership (optionally only those named), their proposed suggestions, and the free slots of
// the offers those hold, counted from this service's own allocations as accept counts them.

const REQUESTS = `
  SELECT r.id, (r.ldc OR r.lldc OR r.sids
    OR coalesce((r.snapshot->'classification'->>'ldcTransitionUntil')::date >= current_date, false)) AS priority
  FROM matching.request_projections r
  WHERE r.status = 'open' AND ($1::uuid[] IS NULL OR r.id = ANY($1::uuid[]))
    AND NOT EXISTS (SELECT 1 FROM matching.partnerships p WHERE p.request_id = r.id)
  ORDER BY r.id`;

const SUGGESTIONS = `
  SELECT id, request_id AS "requestId", offer_ids AS "offerIds", score FROM matching.suggestions
  WHERE status = 'proposed' AND request_id = ANY($1::uuid[])`;

const FREE_SLOTS = `
  SELECT o.id, o.slots - (SELECT count(*) FROM matching.allocations a WHERE a.offer_id = o.id)::int AS free
  FROM matching.offer_projections o WHERE o.status = 'open' AND o.id = ANY($1::uuid[])`;

export async function readAllocationInput(manager: EntityManager, requestIds: string[] | null, minScore?: number): Promise<AllocationInput> {
  const requests = (await manager.query(REQUESTS, [requestIds])) as Array<{ id: string; priority: boolean }>;
  const suggestions = (await manager.query(SUGGESTIONS, [requests.map((r) => r.id)])) as AllocationInput['suggestions'];
  const offerIds = [...new Set(suggestions.flatMap((s) => s.offerIds))];
  const slots = (await manager.query(FREE_SLOTS, [offerIds])) as Array<{ id: string; free: number }>;
  return { requests, suggestions, freeSlots: Object.fromEntries(slots.map((o) => [o.id, o.free])), minScore };
}
