import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OneStatement } from '../database/one-statement';
import { SERVICE_NAME } from '../platform.constants';
import { IdempotencyKeyTaken, idempotencyScope, type PendingKey } from './idempotency-scope';

export const IDEMPOTENCY_TTL_HOURS = 24;
const PURGE_PROBABILITY = 0.01;

export interface RecordedAnswer {
  fingerprint: string;
  statusCode: number;
  body: unknown;
}

interface Row {
  fingerprint: string;
  status_code: number;
  body: unknown;
}

/** The CTE of a claim made by claimIn, and the column saying whether it was written. */
const CLAIM = 'idempotency_claim';
const CLAIMED = 'idempotency_claimed';

/**
 * The key's row with the answer, unless a live answered row holds it: then no row comes back.
 * Placeholders in the order caller, key, fingerprint, status, body (jsonb), ttl hours.
 */
function claimSql(table: string, p: readonly string[]): string {
  return `INSERT INTO ${table} AS k (caller, key, fingerprint, status_code, body, expires_at)
       VALUES (${p[0]}, ${p[1]}, ${p[2]}, ${p[3]}, ${p[4]}, now() + make_interval(hours => ${p[5]}))
       ON CONFLICT (caller, key) DO UPDATE
         SET fingerprint = EXCLUDED.fingerprint, status_code = EXCLUDED.status_code, body = EXCLUDED.body,
             created_at = now(), expires_at = EXCLUDED.expires_at
         WHERE k.expires_at < now() OR k.status_code IS NULL
       RETURNING k.key`;
}

/**
 * Rows of `<schema>.idempotency_keys`: one per (caller, key), written by `recordIn` in the same
 * transaction as the change it answers. A crash before the commit leaves neither the change nor
 * the key (the retry runs for real); a crash after it leaves both (the retry gets the answer).
 * Rows without a status are from the earlier claim-first scheme and count as absent.
 */
@Injectable()
export class IdempotencyService {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.table = `"${service}"."idempotency_keys"`;
  }

  /** The answer recorded for this caller and key within the last 24 hours, if any. */
  async find(caller: string, key: string): Promise<RecordedAnswer | null> {
    await this.sweepSometimes();
    const rows: Row[] = await this.dataSource.query(
      `SELECT fingerprint, status_code, body FROM ${this.table}
        WHERE caller = $1 AND key = $2 AND status_code IS NOT NULL AND expires_at > now()`,
      [caller, key],
    );
    const row = rows[0];
    return row ? { fingerprint: row.fingerprint, statusCode: row.status_code, body: row.body } : null;
  }

  /**
   * Records the answer of the call being handled inside the caller's transaction; a no-op when
   * the call carries no Idempotency-Key. When a concurrent call with the same key committed
   * first, Postgres makes this insert wait for it and then throws IdempotencyKeyTaken, which
   * rolls the whole transaction back.
   */
  async recordIn(manager: EntityManager, body: unknown, statusCode = 201): Promise<void> {
    const pending = idempotencyScope.getStore();
    if (!pending || pending.recorded) return;
    await this.write(manager, pending, statusCode, body);
  }

  /** For a handler that did not record in its own transaction: recorded after the fact. */
  async recordAfter(pending: PendingKey, statusCode: number, body: unknown): Promise<void> {
    await this.write(this.dataSource.manager, pending, statusCode, body);
  }

  /**
   * recordIn for a change written as one statement (OneStatement): adds the claim of the call's
   * key as a CTE and returns its name (undefined when the call carries no key). Every part of the
   * change must be written only when that CTE has a row (select from it, or WHERE EXISTS): for a
   * repeat it has none, the statement writes nothing, and `settle` throws IdempotencyKeyTaken.
   * A repeat while the first call's statement runs waits on the key's row, as with recordIn.
   */
  claimIn(statement: OneStatement, body: unknown, statusCode = 201): string | undefined {
    const pending = idempotencyScope.getStore();
    if (!pending || pending.recorded) return undefined;
    const p = [
      statement.param(pending.caller, 'varchar'),
      statement.param(pending.key, 'varchar'),
      statement.param(pending.fingerprint, 'char(64)'),
      statement.param(statusCode, 'int'),
      statement.param(JSON.stringify(body ?? null), 'jsonb'),
      statement.param(IDEMPOTENCY_TTL_HOURS, 'int'),
    ];
    statement.with(CLAIM, claimSql(this.table, p));
    statement.select(CLAIMED, `(SELECT count(*)::int FROM ${CLAIM})`);
    return CLAIM;
  }

  /** After the statement of claimIn ran: the key is recorded, or another call had it first. */
  settle(row: Record<string, unknown>): void {
    const pending = idempotencyScope.getStore();
    if (!pending || pending.recorded || !(CLAIMED in row)) return;
    if (row[CLAIMED] === 0) throw new IdempotencyKeyTaken();
    pending.recorded = true;
  }

  private async write(manager: EntityManager, pending: PendingKey, statusCode: number, body: unknown): Promise<void> {
    const written: unknown[] = await manager.query(
      claimSql(this.table, ['$1', '$2', '$3', '$4', '$5', '$6']),
      [pending.caller, pending.key, pending.fingerprint, statusCode, JSON.stringify(body ?? null), IDEMPOTENCY_TTL_HOURS],
    );
    if (written.length === 0) throw new IdempotencyKeyTaken();
    pending.recorded = true;
  }

  /** Keys that are never reused would stay forever: about one call in a hundred sweeps them. */
  async sweepSometimes(): Promise<void> {
    if (Math.random() < PURGE_PROBABILITY) await this.purgeExpired();
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM ${this.table} WHERE expires_at < now()`);
    return result[1] ?? 0;
  }
}
