import { Inject, Injectable } from '@nestjs/common';
import { hash } from 'node:crypto';
import { escapeLiteral, type PoolClient } from 'pg';
import type { AnyEvent } from '@capmatch/contracts';
import { BUS_SCHEMA, quoteSchema } from './bus.constants';

export type InboxVerdict = 'new' | 'duplicate' | 'stale';

/** A 32-bit advisory lock key per (consumer, aggregate); computed here so keys can be sorted. */
function lockKey(consumer: string, aggregateId: string): number {
  // The first four bytes of the SHA-1, as a signed 32-bit integer (the keys of every running
  // instance must agree, so this is fixed); the one-shot hash skips the Hash object per call.
  return Number.parseInt(hash('sha1', `${consumer}/${aggregateId}`, 'hex').slice(0, 8), 16) | 0;
}

/**
 * Decides, inside the handlers' transaction, which events of a batch may be applied.
 *
 * - duplicate: the (consumer, event id) row exists, so the event was already handled;
 * - stale: an event of the same aggregate with a higher version was already handled. Payloads
 *   carry the full state, so the newer one already said everything. This is what keeps
 *   per-aggregate order end to end although the worker runs jobs concurrently and retries
 *   put a failed job behind later ones: handlers never see an aggregate go back in time.
 *
 * Per-aggregate advisory locks, taken in key order (so two batches cannot deadlock on them),
 * serialise concurrent transactions touching one aggregate: the check and the handlers' writes
 * cannot interleave with another batch of that aggregate.
 */
@Injectable()
export class InboxGate {
  private readonly statement: string;
  private readonly prepareSql: string;
  /** The connections (pg clients; a pool hands out the same object per connection) that hold the statement. */
  private readonly prepared = new WeakSet<PoolClient>();

  constructor(@Inject(BUS_SCHEMA) schema: string) {
    const inbox = `${quoteSchema(schema)}.inbox`;
    this.statement = `capmatch_inbox_${schema}`;
    this.prepareSql = `PREPARE ${this.statement} (text, uuid[], text[], text[], int[]) AS
      WITH input AS (
        SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS t(event_id, event_type, aggregate_id, version)),
      prior AS (
        SELECT a.aggregate_id, p.version FROM (SELECT DISTINCT aggregate_id FROM input) a
        CROSS JOIN LATERAL (SELECT version FROM ${inbox} WHERE consumer = $1 AND aggregate_id = a.aggregate_id
          ORDER BY version DESC LIMIT 1) p),
      written AS (
        INSERT INTO ${inbox} (consumer, event_id, event_type, aggregate_id, version)
        SELECT $1, event_id, event_type, aggregate_id, version FROM input
        ON CONFLICT DO NOTHING RETURNING event_id)
      SELECT (SELECT coalesce(json_agg(event_id), '[]') FROM written) AS written,
             (SELECT coalesce(json_object_agg(aggregate_id, version), '{}') FROM prior) AS prior`;
  }

  /**
   * Prepares the check on this connection once (its own round trip, the first time a
   * connection serves a batch): Postgres then plans it once per connection, where planning the
   * statement afresh cost about as much as running it. Prepared statements outlive
   * transactions, rolled back or not, and end with the connection.
   */
  async prepare(client: PoolClient): Promise<void> {
    if (this.prepared.has(client)) return;
    // 42P05: another gate of the same schema on this pool prepared the same text already.
    await client.query(this.prepareSql).catch((error: { code?: string }) => {
      if (error.code !== '42P05') throw error;
    });
    this.prepared.add(client);
  }

  /**
   * The statements that admit a batch, for one simple-protocol query (no parameters: every
   * value is an escaped literal), so that they can share a round trip with the START
   * TRANSACTION before them (EventBatcher): first the per-aggregate locks in key order, then
   * the prepared check (prepare() first). They must be two statements: a statement's snapshot
   * is taken when it starts, so the check must start after the locks are held to see every
   * batch of those aggregates that committed before (in READ COMMITTED each statement of a
   * multi-statement query, EXECUTE included, takes its own snapshot). The check's result is
   * the last statement's one row, read by verdicts(). The highest version per aggregate is one
   * step down inbox_aggregate_idx (LIMIT 1), however many events of that aggregate the inbox
   * holds.
   */
  admitStatements(consumer: string, events: readonly AnyEvent[]): string {
    const keys = [...new Set(events.map((e) => lockKey(consumer, e.aggregateId)))].sort((a, b) => a - b);
    const list = (values: string[], type: string) => `ARRAY[${values.map(escapeLiteral).join(',')}]::${type}[]`;
    // The keys in array order (sorted above); one row back, not one per key.
    return `SELECT count(pg_advisory_xact_lock(2, k)::text) FROM unnest('{${keys.join(',')}}'::int[]) AS t(k);
      EXECUTE ${this.statement} (${escapeLiteral(consumer)}, ${list(events.map((e) => e.id), 'uuid')},
        ${list(events.map((e) => e.type), 'text')}, ${list(events.map((e) => e.aggregateId), 'text')},
        ${list(events.map((e) => String(e.version)), 'int')})`;
  }

  /**
   * One verdict per event, in order, from the check's row; events are judged as if applied one
   * after the other.
   */
  verdicts(events: readonly AnyEvent[], row: CheckRow): InboxVerdict[] {
    const written = new Set<string>(row.written);
    const latest = new Map<string, number>(Object.entries(row.prior));
    return events.map((event) => {
      if (!written.delete(event.id.toLowerCase())) return 'duplicate'; // delete: a second copy in the batch is a duplicate too
      const prior = latest.get(event.aggregateId);
      if (prior !== undefined && prior > event.version) return 'stale';
      latest.set(event.aggregateId, event.version);
      return 'new';
    });
  }
}

/** What the check of admitStatements returns: the event ids written, the highest version seen per aggregate. */
export interface CheckRow {
  written: string[];
  prior: Record<string, number>;
}

