import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';
import { BUS_SCHEMA, quoteSchema } from './bus.constants';

export type InboxVerdict = 'new' | 'duplicate' | 'stale';

/** A 32-bit advisory lock key per (consumer, aggregate); computed here so keys can be sorted. */
function lockKey(consumer: string, aggregateId: string): number {
  return createHash('sha1').update(`${consumer}/${aggregateId}`).digest().readInt32BE(0);
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
  private readonly sql: string;

  constructor(@Inject(BUS_SCHEMA) schema: string) {
    const inbox = `${quoteSchema(schema)}.inbox`;
    this.sql = `WITH input AS (
        SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[]) AS t(event_id, event_type, aggregate_id, version)),
      prior AS (
        SELECT aggregate_id, max(version) AS version FROM ${inbox}
        WHERE consumer = $1 AND aggregate_id IN (SELECT aggregate_id FROM input) GROUP BY aggregate_id),
      written AS (
        INSERT INTO ${inbox} (consumer, event_id, event_type, aggregate_id, version)
        SELECT $1, event_id, event_type, aggregate_id, version FROM input
        ON CONFLICT DO NOTHING RETURNING event_id)
      SELECT (SELECT coalesce(json_agg(event_id), '[]') FROM written) AS written,
             (SELECT coalesce(json_object_agg(aggregate_id, version), '{}') FROM prior) AS prior`;
  }

  /**
   * The statement that takes the per-aggregate locks of a batch, in key order. The keys are
   * integers computed here, so it needs no parameters and can share a round trip with the
   * START TRANSACTION before it (EventBatcher). It must be a statement of its own: a
   * statement's snapshot is taken when it starts, so the check that follows must start after
   * the locks are held to see every batch of those aggregates that committed before.
   */
  lockStatement(consumer: string, events: readonly AnyEvent[]): string {
    const keys = [...new Set(events.map((e) => lockKey(consumer, e.aggregateId)))].sort((a, b) => a - b);
    return `SELECT pg_advisory_xact_lock(2, k) FROM unnest('{${keys.join(',')}}'::int[]) WITH ORDINALITY AS t(k, n) ORDER BY n`;
  }

  /** Locks, then judges (two statements); for callers that did not take the locks with lockStatement. */
  async admit(manager: EntityManager, consumer: string, events: readonly AnyEvent[]): Promise<InboxVerdict[]> {
    await manager.query(this.lockStatement(consumer, events));
    return this.judge(manager, consumer, events);
  }

  /**
   * One verdict per event, in order; events are judged as if applied one after the other. The
   * locks of lockStatement must already be held by this transaction.
   */
  async judge(manager: EntityManager, consumer: string, events: readonly AnyEvent[]): Promise<InboxVerdict[]> {
    const [row] = await manager.query(this.sql, [
      consumer,
      events.map((e) => e.id),
      events.map((e) => e.type),
      events.map((e) => e.aggregateId),
      events.map((e) => e.version),
    ]);
    const written = new Set<string>(row.written as string[]);
    const latest = new Map<string, number>(Object.entries(row.prior as Record<string, number>));
    return events.map((event) => {
      if (!written.delete(event.id.toLowerCase())) return 'duplicate'; // delete: a second copy in the batch is a duplicate too
      const prior = latest.get(event.aggregateId);
      if (prior !== undefined && prior > event.version) return 'stale';
      latest.set(event.aggregateId, event.version);
      return 'new';
    });
  }
}
