import { Injectable } from '@nestjs/common';
import { Inject } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';
import { BUS_SCHEMA, quoteSchema } from './bus.constants';

export type InboxVerdict = 'new' | 'duplicate' | 'stale';

/**
 * Decides, inside the handler's transaction, whether an event may be applied.
 *
 * - duplicate: the (consumer, event id) row exists, so the event was already handled;
 * - stale: an event of the same aggregate with a higher version was already handled. Payloads
 *   carry the full state, so the newer one already said everything. This is what keeps
 *   per-aggregate order end to end although the worker runs jobs concurrently and retries
 *   put a failed job behind later ones: handlers never see an aggregate go back in time.
 *
 * The per-aggregate advisory lock serialises concurrent jobs of one aggregate, so the check
 * and the handler's writes cannot interleave with another job of that aggregate.
 */
@Injectable()
export class InboxGate {
  private readonly sql: string;

  constructor(@Inject(BUS_SCHEMA) schema: string) {
    const inbox = `${quoteSchema(schema)}.inbox`;
    this.sql = `WITH prior AS (
        SELECT max(version) AS version FROM ${inbox} WHERE consumer = $1 AND aggregate_id = $2),
      written AS (
        INSERT INTO ${inbox} (consumer, event_id, event_type, aggregate_id, version) VALUES ($1, $3, $4, $2, $5)
        ON CONFLICT DO NOTHING RETURNING event_id)
      SELECT (SELECT version FROM prior) AS prior, (SELECT count(*)::int FROM written) AS written`;
  }

  async admit(manager: EntityManager, consumer: string, event: AnyEvent): Promise<InboxVerdict> {
    // A statement's snapshot is taken when it starts, so the lock needs its own statement.
    await manager.query('SELECT pg_advisory_xact_lock(2, hashtext($1))', [`${consumer}/${event.aggregateId}`]);
    const [row] = await manager.query(this.sql, [consumer, event.aggregateId, event.id, event.type, event.version]);
    if (row.written === 0) return 'duplicate';
    if (row.prior !== null && row.prior > event.version) return 'stale';
    return 'new';
  }
}
