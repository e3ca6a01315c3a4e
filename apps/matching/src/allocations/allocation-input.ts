import type { EntityManager } from 'typeorm';
import type { AllocationInput } from '@capmatch/engine/allocation';

/**
 * What a plan is computed over, read in one snapshot: the open requests without a pending or
 * agreed partnership (optionally only those named), their proposed suggestions, and the free
 * slots of the offers those hold. Free is the offers service's last word (`remaining_slots`, as
 * accept reads it) less the pending partnerships it has not reserved for yet: a plan never
 * counts on a slot a proposal already waits for. (Should the offer's update arrive before the
 * reservation, such a slot is left out twice for a moment: the plan errs on the safe side.)
 */
export async function readAllocationInput(
  manager: EntityManager,
  table: (name: string) => string,
  requestIds: string[] | null,
  minScore?: number,
): Promise<AllocationInput> {
  const requests = (await manager.query(`
    SELECT r.id, (r.ldc OR r.lldc OR r.sids
      OR coalesce((r.snapshot->'classification'->>'ldcTransitionUntil')::date > current_date, false)) AS priority
    FROM ${table('request_projections')} r
    WHERE r.status = 'open' AND ($1::uuid[] IS NULL OR r.id = ANY($1::uuid[]))
      AND NOT EXISTS (SELECT 1 FROM ${table('partnerships')} p WHERE p.request_id = r.id AND p.status IN ('pending', 'agreed'))
    ORDER BY r.id`, [requestIds])) as Array<{ id: string; priority: boolean }>;
  const suggestions = (await manager.query(`
    SELECT id, request_id AS "requestId", offer_ids AS "offerIds", score FROM ${table('suggestions')}
    WHERE status = 'proposed' AND request_id = ANY($1::uuid[])`, [requests.map((r) => r.id)])) as AllocationInput['suggestions'];
  const offerIds = [...new Set(suggestions.flatMap((s) => s.offerIds))];
  const slots = (await manager.query(`
    SELECT o.id, o.remaining_slots - (SELECT count(*)::int FROM ${table('partnerships')} p
      WHERE p.status = 'pending' AND NOT p.reserved AND o.id = ANY(p.offer_ids)) AS free
    FROM ${table('offer_projections')} o WHERE o.status = 'open' AND o.id = ANY($1::uuid[])`, [offerIds])) as Array<{ id: string; free: number }>;
  return { requests, suggestions, freeSlots: Object.fromEntries(slots.map((o) => [o.id, o.free])), minScore };
}
