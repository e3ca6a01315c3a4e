import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SERVICE_NAME } from '../platform.constants';

export const IDEMPOTENCY_TTL_HOURS = 24;
/** An in-progress claim this old belongs to a process that died: it may be taken over. */
const ABANDONED_AFTER_SECONDS = 120;
const PURGE_PROBABILITY = 0.01;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; statusCode: number; body: unknown }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

interface Row {
  fingerprint: string;
  status_code: number | null;
  body: unknown;
}

/** Rows of `<schema>.idempotency_keys`: one per (caller, key), claimed before the handler runs. */
@Injectable()
export class IdempotencyService {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_NAME) service: string,
  ) {
    this.table = `"${service}"."idempotency_keys"`;
  }

  async claim(caller: string, key: string, fingerprint: string): Promise<Claim> {
    // Keys that are never reused would stay forever: about one claim in a hundred sweeps them.
    if (Math.random() < PURGE_PROBABILITY) await this.purgeExpired();
    // Expired or abandoned claims are cleared first, so the insert below can take the key over.
    await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE caller = $1 AND key = $2
         AND (expires_at < now() OR (status_code IS NULL AND created_at < now() - make_interval(secs => $3)))`,
      [caller, key, ABANDONED_AFTER_SECONDS],
    );
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO ${this.table} (caller, key, fingerprint, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4))
       ON CONFLICT (caller, key) DO NOTHING RETURNING key`,
      [caller, key, fingerprint, IDEMPOTENCY_TTL_HOURS],
    );
    if (inserted.length > 0) return { kind: 'claimed' };
    const rows: Row[] = await this.dataSource.query(
      `SELECT fingerprint, status_code, body FROM ${this.table} WHERE caller = $1 AND key = $2`,
      [caller, key],
    );
    const row = rows[0];
    // Deleted between our insert and select (the first attempt failed): the client should retry.
    if (!row || row.status_code === null) return { kind: 'in-progress' };
    if (row.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return { kind: 'replay', statusCode: row.status_code, body: row.body };
  }

  async complete(caller: string, key: string, statusCode: number, body: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE ${this.table} SET status_code = $3, body = $4 WHERE caller = $1 AND key = $2`, [
      caller,
      key,
      statusCode,
      JSON.stringify(body ?? null),
    ]);
  }

  /** The first attempt failed: free the key so a retry runs for real. */
  async release(caller: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE caller = $1 AND key = $2 AND status_code IS NULL`, [
      caller,
      key,
    ]);
  }

  async purgeExpired(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM ${this.table} WHERE expires_at < now()`);
    return result[1] ?? 0;
  }
}
