import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OneStatement } from '@capmatch/platform';
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

export interface OfferUpsert {
  status: string;
  /** Free slots by the offers service's count (the authority). */
  free: number;
  /** Status and free slots before this write (null for a new row). */
  previous: { status: string; free: number } | null;
  /** First time this offer is seen: no suggestion can hold it yet. */
  inserted: boolean;
}

/** An offer's projection row as the offer events compare with it. */
export interface StoredOffer {
  version: number;
  status: string;
  free: number;
  snapshot: OfferSnapshot;
}

/**
 * The projections of requests and offers: the only code that reads or writes their tables.
 *
 * Version-aware upserts: a row only moves forward. An older or equal version (late, duplicate
 * or replayed event) changes nothing. The seq is set to 0 here and numbered
 * at commit by a deferred trigger (migration StampProjectionsAtCommit), so it follows commit order.
 */
@Injectable()
export class ProjectionStore {
  readonly pageSize = PULL_PAGE;
  private readonly requests: string;
  private readonly offers: string;
  private readonly pullSql: string;
  private readonly reloadSql: string;

  constructor(dataSource: DataSource) {
    const t = tableNamer(dataSource);
    this.requests = t('request_projections');
    this.offers = t('offer_projections');
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

  /**
   * Projects requests in one statement (one snapshot per request; a row only moves forward). Answers, per request, the version and status the row had before (none
   * for a new row): with the snapshots, that tells what each of a batch's events did.
   */
  async upsertRequests(manager: EntityManager, snapshots: readonly RequestSnapshot[]): Promise<Map<string, { version: number; status: string }>> {
    const out = new Map<string, { version: number; status: string }>();
    if (snapshots.length === 0) return out;
    const rows = snapshots.map((s) => ({
      id: s.id, version: s.version, status: s.status, country: s.country, region: s.classification.region,
      subregion: s.classification.subregion, ldc: s.classification.ldc, lldc: s.classification.lldc, sids: s.classification.sids,
      capacity_areas: s.capacityAreas, snapshot: s,
    }));
    const before = (await manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, version int, status text, country text, region text,
           subregion text, ldc boolean, lldc boolean, sids boolean, capacity_areas text[], snapshot jsonb)),
       old AS (SELECT p.id, p.version, p.status FROM ${this.requests} p WHERE p.id IN (SELECT id FROM input)),
       written AS (
         INSERT INTO ${this.requests} AS p
           (id, version, seq, status, country, region, subregion, ldc, lldc, sids, capacity_areas, snapshot)
         SELECT id, version, 0, status, country, region, subregion, ldc, lldc, sids, capacity_areas, snapshot FROM input
         ON CONFLICT (id) DO UPDATE SET
           version = EXCLUDED.version, seq = 0, status = EXCLUDED.status,
           country = EXCLUDED.country, region = EXCLUDED.region, subregion = EXCLUDED.subregion,
           ldc = EXCLUDED.ldc, lldc = EXCLUDED.lldc, sids = EXCLUDED.sids,
           capacity_areas = EXCLUDED.capacity_areas, snapshot = EXCLUDED.snapshot, projected_at = now()
         WHERE p.version < EXCLUDED.version
         RETURNING p.id)
       SELECT id, version, status, (SELECT count(*) FROM written) AS written FROM old`,
      [JSON.stringify(rows)],
    )) as Array<{ id: string; version: number; status: string }>;
    for (const r of before) out.set(r.id, { version: Number(r.version), status: r.status });
    return out;
  }

  /**
   * The projected version, status, free slots and snapshot of these offers (those projected),
   * unlocked: the inbox's per-aggregate lock keeps the offers' other events, their only
   * writers, out while their events are handled.
   */
  async offersById(manager: EntityManager, ids: readonly string[]): Promise<Map<string, StoredOffer>> {
    const out = new Map<string, StoredOffer>();
    if (ids.length === 0) return out;
    const rows = (await manager.query(
      `SELECT id, version, status, remaining_slots AS free, snapshot FROM ${this.offers} WHERE id = ANY($1::uuid[])`,
      [ids],
    )) as Array<StoredOffer & { id: string }>;
    for (const r of rows) out.set(r.id, { version: Number(r.version), status: r.status, free: Number(r.free), snapshot: r.snapshot });
    return out;
  }

  /** Projects offers in one statement (one snapshot per offer; a row only moves forward). */
  async upsertOffers(manager: EntityManager, snapshots: readonly OfferSnapshot[]): Promise<void> {
    if (snapshots.length === 0) return;
    const rows = snapshots.map((s) => ({
      id: s.id, version: s.version, status: s.status, provider_id: s.providerId, provider_country: s.provider.country,
      origin: s.origin, role: s.role, slots: s.slots, remaining_slots: s.remainingSlots, snapshot: s,
    }));
    await manager.query(
      `INSERT INTO ${this.offers} AS p
         (id, version, seq, status, provider_id, provider_country, origin, role, slots, remaining_slots, snapshot)
       SELECT id, version, 0, status, provider_id, provider_country, origin, role, slots, remaining_slots, snapshot
       FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, version int, status text, provider_id uuid, provider_country text,
         origin text, role text, slots int, remaining_slots int, snapshot jsonb)
       ON CONFLICT (id) DO UPDATE SET
         version = EXCLUDED.version, seq = 0, status = EXCLUDED.status, provider_id = EXCLUDED.provider_id,
         provider_country = EXCLUDED.provider_country, origin = EXCLUDED.origin, role = EXCLUDED.role,
         slots = EXCLUDED.slots, remaining_slots = EXCLUDED.remaining_slots, snapshot = EXCLUDED.snapshot,
         projected_at = now()
       WHERE p.version < EXCLUDED.version`,
      [JSON.stringify(rows)],
    );
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

  /** restampRequests as a CTE of one statement. */
  restampIn(st: OneStatement, ids: readonly string[]): void {
    if (ids.length === 0) return;
    st.with('restamped', `UPDATE ${this.requests} SET seq = 0 WHERE id = ANY(${st.param(ids, 'uuid[]')}) AND seq <> 0 RETURNING id`);
    st.select('restamped_count', '(SELECT count(*)::int FROM restamped)');
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
