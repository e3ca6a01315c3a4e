import type { EntityManager } from 'typeorm';
import type { OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';

// Version-aware upserts: a row only moves forward. An older or equal version (late, duplicate
// or replayed event) changes nothing and returns no row. The seq is set to 0 here and numbered
// at commit by a deferred trigger (migration StampProjectionsAtCommit), so it follows commit order.

/**
 * A request this service matched stays matched when an older-state event (still "open") from
 * the requests service arrives before that service has processed our partnership.
 */
const UPSERT_REQUEST = `
  INSERT INTO matching.request_projections AS p
    (id, version, seq, status, country, region, subregion, ldc, lldc, sids, capacity_areas, snapshot)
  VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11)
  ON CONFLICT (id) DO UPDATE SET
    version = EXCLUDED.version, seq = 0,
    status = CASE WHEN p.matched_here AND EXCLUDED.status = 'open' THEN 'matched' ELSE EXCLUDED.status END,
    country = EXCLUDED.country, region = EXCLUDED.region, subregion = EXCLUDED.subregion,
    ldc = EXCLUDED.ldc, lldc = EXCLUDED.lldc, sids = EXCLUDED.sids,
    capacity_areas = EXCLUDED.capacity_areas, snapshot = EXCLUDED.snapshot, projected_at = now()
  WHERE p.version < EXCLUDED.version
  RETURNING status, (xmax = 0) AS inserted`;

const UPSERT_OFFER = `
  INSERT INTO matching.offer_projections AS p
    (id, version, seq, status, provider_id, provider_country, origin, role, slots, remaining_slots, snapshot)
  VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10)
  ON CONFLICT (id) DO UPDATE SET
    version = EXCLUDED.version, seq = 0, status = EXCLUDED.status, provider_id = EXCLUDED.provider_id,
    provider_country = EXCLUDED.provider_country, origin = EXCLUDED.origin, role = EXCLUDED.role,
    slots = EXCLUDED.slots, remaining_slots = EXCLUDED.remaining_slots, snapshot = EXCLUDED.snapshot,
    projected_at = now()
  WHERE p.version < EXCLUDED.version
  RETURNING status, slots - used_slots AS free, (xmax = 0) AS inserted`;

export interface RequestUpsert {
  status: string;
  /** First time this request is seen: it has no suggestions and no rejected combinations yet. */
  inserted: boolean;
}

/** Returns the projected state, or null when the row already holds this version or a newer one. */
export async function upsertRequest(manager: EntityManager, s: RequestSnapshot): Promise<RequestUpsert | null> {
  const c = s.classification;
  const rows = (await manager.query(UPSERT_REQUEST, [
    s.id, s.version, s.status, s.country, c.region, c.subregion, c.ldc, c.lldc, c.sids, s.capacityAreas, JSON.stringify(s),
  ])) as RequestUpsert[];
  return rows[0] ?? null;
}

export interface OfferUpsert {
  status: string;
  /** This service's own count of free slots. */
  free: number;
  /** First time this offer is seen: no suggestion can hold it yet. */
  inserted: boolean;
}

/** Returns the projected state, or null when the row already holds this version or a newer one. */
export async function upsertOffer(manager: EntityManager, s: OfferSnapshot): Promise<OfferUpsert | null> {
  const rows = (await manager.query(UPSERT_OFFER, [
    s.id, s.version, s.status, s.providerId, s.provider.country, s.origin, s.role, s.slots, s.remainingSlots, JSON.stringify(s),
  ])) as OfferUpsert[];
  return rows[0] ?? null;
}
