import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';
import { tableNamer } from './schema';

/** A request projection row as the index loads it. */
export interface RequestRow {
  id: string;
  seq: string | number;
  status: string;
  snapshot: RequestSnapshot;
}

/** An offer projection row. */
export interface OfferRow {
  id: string;
  seq: string | number;
  status: string;
  snapshot: OfferSnapshot;
}

// Paged, each table through its seq index: the service's tables may have no statistics yet
// (fresh database, autovacuum off), and the plain UNION then got parallel scans of every offer.
const PULL_PAGE = 2000;

export type PulledRow = (RequestRow | OfferRow) & { kind: 'r' | 'o' };

export interface RequestUpsert {
  status: string;
  /** The status before this write (null for a new row). */
  previous: string | null;
  /** First time this request is seen: it has no suggestions and no rejected combinations yet. */
  inserted: boolean;
}

export interface OfferUpsert {
  status: string;
  /** Free slots by the offers service's count (the authority). */
  free: number;
  /** Status and free slots before this write (null for a new row). */
  previous: { status: string; free: number } | null;
  /** First time this offer is seen: no suggestion can hold it yet. */
  inserted: boolean;
}

/**
 * The projections of requests and offers: the only code that reads or writes their tables.
 *
 * Version-aware upserts: a row only moves forward. An older or equal version (late, duplicate
 * or replayed event) changes nothing and returns no row. The seq is set to 0 here and numbered
 * at commit by a deferred trigger (migration StampProjectionsAtCommit), so it follows commit order.
 */
@Injectable()
export class ProjectionStore {
  readonly pageSize = PULL_PAGE;
  private readonly requests: string;
  private readonly offers: string;
  private readonly upsertRequestSql: string;
  private readonly upsertOfferSql: string;
  private readonly pullSql: string;
  private readonly reloadSql: string;

  constructor(dataSource: DataSource) {
    const t = tableNamer(dataSource);
    this.requests = t('request_projections');
    this.offers = t('offer_projections');
    this.upsertRequestSql = `
      WITH old AS (SELECT status FROM ${this.requests} WHERE id = $1)
      INSERT INTO ${this.requests} AS p
        (id, version, seq, status, country, region, subregion, ldc, lldc, sids, capacity_areas, snapshot)
      VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, seq = 0, status = EXCLUDED.status,
        country = EXCLUDED.country, region = EXCLUDED.region, subregion = EXCLUDED.subregion,
        ldc = EXCLUDED.ldc, lldc = EXCLUDED.lldc, sids = EXCLUDED.sids,
        capacity_areas = EXCLUDED.capacity_areas, snapshot = EXCLUDED.snapshot, projected_at = now()
      WHERE p.version < EXCLUDED.version
      RETURNING status, (SELECT status FROM old) AS previous, (xmax = 0) AS inserted`;
    this.upsertOfferSql = `
      WITH old AS (SELECT status, remaining_slots FROM ${this.offers} WHERE id = $1)
      INSERT INTO ${this.offers} AS p
        (id, version, seq, status, provider_id, provider_country, origin, role, slots, remaining_slots, snapshot)
      VALUES ($1, $2, 0, $3, $4, $5, $6, $7, $8, $9, $10)
      ON CONFLICT (id) DO UPDATE SET
        version = EXCLUDED.version, seq = 0, status = EXCLUDED.status, provider_id = EXCLUDED.provider_id,
        provider_country = EXCLUDED.provider_country, origin = EXCLUDED.origin, role = EXCLUDED.role,
        slots = EXCLUDED.slots, remaining_slots = EXCLUDED.remaining_slots, snapshot = EXCLUDED.snapshot,
        projected_at = now()
      WHERE p.version < EXCLUDED.version
      RETURNING status, remaining_slots AS free, (xmax = 0) AS inserted,
        (SELECT status FROM old) AS previous_status, (SELECT remaining_slots FROM old) AS previous_free`;
    this.pullSql = `
      (SELECT 'r' AS kind, id, seq, status, snapshot FROM ${this.requests}
       WHERE seq > $1 ORDER BY seq LIMIT ${PULL_PAGE})
      UNION ALL
      (SELECT 'o', id, seq, status, snapshot FROM ${this.offers}
       WHERE seq > $1 ORDER BY seq LIMIT ${PULL_PAGE})
      ORDER BY seq LIMIT ${PULL_PAGE}`;
    this.reloadSql = `
      SELECT 'r' AS kind, id, seq, status, snapshot FROM ${this.requests} WHERE id = ANY($1::uuid[])
      UNION ALL
      SELECT 'o', id, seq, status, snapshot FROM ${this.offers} WHERE id = ANY($1::uuid[])`;
  }

  /** Returns the projected state, or null when the row already holds this version or a newer one. */
  async upsertRequest(manager: EntityManager, s: RequestSnapshot): Promise<RequestUpsert | null> {
    const c = s.classification;
    const rows = (await manager.query(this.upsertRequestSql, [
      s.id, s.version, s.status, s.country, c.region, c.subregion, c.ldc, c.lldc, c.sids, s.capacityAreas, JSON.stringify(s),
    ])) as RequestUpsert[];
    return rows[0] ?? null;
  }

  /** Returns the projected state, or null when the row already holds this version or a newer one. */
  async upsertOffer(manager: EntityManager, s: OfferSnapshot): Promise<OfferUpsert | null> {
    const rows = (await manager.query(this.upsertOfferSql, [
      s.id, s.version, s.status, s.providerId, s.provider.country, s.origin, s.role, s.slots, s.remainingSlots, JSON.stringify(s),
    ])) as Array<{ status: string; free: number; inserted: boolean; previous_status: string | null; previous_free: number | null }>;
    const row = rows[0];
    if (!row) return null;
    const previous = row.previous_status === null ? null : { status: row.previous_status, free: Number(row.previous_free) };
    return { status: row.status, free: Number(row.free), inserted: row.inserted, previous };
  }

  /**
   * The projected version, status and snapshot of an offer, unlocked: the inbox's per-aggregate
   * lock keeps the offer's other events, its only writers, out while its event is handled.
   */
  async offer(manager: EntityManager, id: string): Promise<{ version: number; status: string; snapshot: OfferSnapshot } | null> {
    const rows = (await manager.query(`SELECT version, status, snapshot FROM ${this.offers} WHERE id = $1`, [id])) as Array<{
      version: number;
      status: string;
      snapshot: OfferSnapshot;
    }>;
    return rows[0] ?? null;
  }

  /** One page of projection rows written after `seq`, in seq order. */
  pull(manager: EntityManager, seq: number): Promise<PulledRow[]> {
    return manager.query(this.pullSql, [seq]) as Promise<PulledRow[]>;
  }

  /** The current rows of these requests and offers (whichever they are). */
  reload(manager: EntityManager, ids: readonly string[]): Promise<PulledRow[]> {
    return manager.query(this.reloadSql, [ids]) as Promise<PulledRow[]>;
  }

  /** Requests and offers whose rows were written (committed) after `seq`. */
  changedSince(manager: EntityManager, seq: number): Promise<Array<{ kind: 'r' | 'o'; id: string }>> {
    return manager.query(
      `(SELECT 'r' AS kind, id FROM ${this.requests} WHERE seq > $1 ORDER BY seq)
       UNION ALL
       (SELECT 'o', id FROM ${this.offers} WHERE seq > $1 ORDER BY seq)`,
      [seq],
    ) as Promise<Array<{ kind: 'r' | 'o'; id: string }>>;
  }

  /**
   * Numbers these request rows again at commit, unchanged: a transaction that re-ranked them
   * shows so in seq order, where the match fence of a concurrent offer change looks
   * (matcher/match-fence.ts).
   */
  async restampRequests(manager: EntityManager, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(`UPDATE ${this.requests} SET seq = 0 WHERE id = ANY($1::uuid[]) AND seq <> 0`, [ids]);
  }

  /** The projected status of a request, row-locked for the caller's transaction. */
  async lockRequest(manager: EntityManager, id: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT status FROM ${this.requests} WHERE id = $1 FOR SHARE`, [id])) as Array<{ status: string }>;
    return rows[0]?.status ?? null;
  }

  /** The projected offers, row-locked in id order. */
  lockOffers(manager: EntityManager, ids: readonly string[]): Promise<Array<{ id: string; status: string; free: number; provider_id: string }>> {
    return manager.query(
      `SELECT id, status, remaining_slots AS free, provider_id FROM ${this.offers} WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE`,
      [ids],
    ) as Promise<Array<{ id: string; status: string; free: number; provider_id: string }>>;
  }
}
