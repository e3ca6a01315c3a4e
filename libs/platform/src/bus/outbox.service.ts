import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AnyEvent, NewEvent } from '@capmatch/contracts';
import type { OneStatement } from '../database/one-statement';
import { BUS_SCHEMA, outboxChannel, quoteSchema } from './bus.constants';
import { RequestContext } from './request-context';

/**
 * Writes events into this service's outbox inside the caller's transaction, so an event exists
 * exactly when the change it reports was committed. The NOTIFY is delivered by Postgres at
 * commit (and dropped on rollback), which is what wakes the relay promptly.
 */
@Injectable()
export class OutboxService {
  private readonly insertSql: string;
  private readonly channel: string;
  private readonly table: string;

  constructor(@Inject(BUS_SCHEMA) schema: string) {
    this.channel = outboxChannel(schema);
    this.table = `${quoteSchema(schema)}.outbox`;
    // One round trip: the insert and the wake-up; NOTIFY is only sent if the transaction commits.
    this.insertSql = `WITH written AS (INSERT INTO ${quoteSchema(schema)}.outbox
      (id, type, aggregate_id, version, payload, correlation_id, causation_id, occurred_at) SELECT * FROM unnest(
        $1::uuid[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::text[], $8::timestamptz[])
      RETURNING seq)
      SELECT pg_notify($9, '') WHERE EXISTS (SELECT 1 FROM written)`;
  }

  add(manager: EntityManager, event: NewEvent): Promise<AnyEvent> {
    return this.addAll(manager, [event]).then((events) => events[0]);
  }

  /** Several events in one statement, in order (later ones get a higher relay sequence). */
  async addAll(manager: EntityManager, events: readonly NewEvent[]): Promise<AnyEvent[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.add needs the EntityManager of a running transaction');
    }
    if (events.length === 0) return [];
    const full = this.envelopes(events);
    await manager.query(this.insertSql, [
      full.map((e) => e.id),
      full.map((e) => e.type),
      full.map((e) => e.aggregateId),
      full.map((e) => e.version),
      full.map((e) => JSON.stringify(e.payload)),
      full.map((e) => e.correlationId ?? null),
      full.map((e) => e.causationId ?? null),
      full.map((e) => e.occurredAt),
      this.channel,
    ]);
    return full;
  }

  /**
   * addAll for a change written as one statement (OneStatement): the same rows and the same
   * NOTIFY, as CTEs of `statement`, written only when the CTE named `gate` has a row (the
   * statement's own write the events report; Postgres delivers the NOTIFY at its commit).
   */
  addIn(statement: OneStatement, events: readonly NewEvent[], gate: string): AnyEvent[] {
    if (events.length === 0) return [];
    const full = this.envelopes(events);
    const p = (values: unknown[], type: string) => statement.param(values, type);
    statement.with(
      'outbox_rows',
      `INSERT INTO ${this.table} (id, type, aggregate_id, version, payload, correlation_id, causation_id, occurred_at)
       SELECT * FROM unnest(${p(full.map((e) => e.id), 'uuid[]')}, ${p(full.map((e) => e.type), 'text[]')},
         ${p(full.map((e) => e.aggregateId), 'text[]')}, ${p(full.map((e) => e.version), 'int[]')},
         ${p(full.map((e) => JSON.stringify(e.payload)), 'jsonb[]')}, ${p(full.map((e) => e.correlationId ?? null), 'text[]')},
         ${p(full.map((e) => e.causationId ?? null), 'text[]')}, ${p(full.map((e) => e.occurredAt), 'timestamptz[]')})
       WHERE EXISTS (SELECT 1 FROM ${gate})
       RETURNING seq`,
    );
    // A CTE calling a volatile function is evaluated once, in full, when the final SELECT reads it.
    statement.with('outbox_notify', `SELECT pg_notify(${statement.param(this.channel, 'text')}, '') FROM (SELECT 1 FROM outbox_rows LIMIT 1) w`);
    statement.select('outbox_notified', '(SELECT count(*)::int FROM outbox_notify)');
    return full;
  }

  /** Ids, time and the request context's correlation and causation, as addAll gives them. */
  private envelopes(events: readonly NewEvent[]): AnyEvent[] {
    const context = RequestContext.current();
    const correlationId = context?.requestId;
    const causationId = context?.causationId;
    const occurredAt = new Date().toISOString();
    return events.map(
      (e) =>
        ({ ...e, id: randomUUID(), occurredAt, ...(correlationId ? { correlationId } : {}), ...(causationId ? { causationId } : {}) }) as AnyEvent,
    );
  }
}
