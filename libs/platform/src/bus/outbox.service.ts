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
    this.insertSql = `WITH written AS (${this.insertFrom('$1::jsonb')} RETURNING seq)
      SELECT pg_notify($2, '') WHERE EXISTS (SELECT 1 FROM written)`;
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
    await manager.query(this.insertSql, [rowsJson(full), this.channel]);
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
    statement.with('outbox_rows', `${this.insertFrom(statement.param(rowsJson(full), 'jsonb'))} WHERE EXISTS (SELECT 1 FROM ${gate}) RETURNING seq`);
    // A CTE calling a volatile function is evaluated once, in full, when the final SELECT reads it.
    statement.with('outbox_notify', `SELECT pg_notify(${statement.param(this.channel, 'text')}, '') FROM (SELECT 1 FROM outbox_rows LIMIT 1) w`);
    statement.select('outbox_notified', '(SELECT count(*)::int FROM outbox_notify)');
    return full;
  }

  /**
   * addIn for events of which only some are written: the row of an event goes in when its
   * aggregate id is among `column` of the CTE `written` (say the ids a conditional INSERT
   * returned), and the NOTIFY only when one did.
   */
  addInFor(statement: OneStatement, events: readonly NewEvent[], written: { cte: string; column: string }): AnyEvent[] {
    if (events.length === 0) return [];
    const full = this.envelopes(events);
    statement.with(
      'outbox_rows',
      `${this.insertFrom(statement.param(rowsJson(full), 'jsonb'))} WHERE t.aggregate_id IN (SELECT ${written.column}::text FROM ${written.cte}) RETURNING seq`,
    );
    statement.with('outbox_notify', `SELECT pg_notify(${statement.param(this.channel, 'text')}, '') FROM (SELECT 1 FROM outbox_rows LIMIT 1) w`);
    statement.select('outbox_notified', '(SELECT count(*)::int FROM outbox_notify)');
    return full;
  }

  /**
   * The INSERT of the rows in the JSON array `rows` (rowsJson), in array order, so later events
   * get a higher seq. One JSON document rather than one array parameter per column: the
   * payloads are embedded as they are, where a jsonb[] parameter makes the driver escape every
   * quote of every payload into an array literal (most of the producer's CPU per event).
   */
  private insertFrom(rows: string): string {
    return `INSERT INTO ${this.table} (id, type, aggregate_id, version, payload, correlation_id, causation_id, occurred_at)
      SELECT id, type, aggregate_id, version, payload, correlation_id, causation_id, occurred_at
      FROM jsonb_to_recordset(${rows}) AS t(id uuid, type text, aggregate_id text, version int, payload jsonb,
        correlation_id text, causation_id text, occurred_at timestamptz)`;
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

/** The outbox rows of `events` as one JSON array (see insertFrom). */
function rowsJson(events: readonly AnyEvent[]): string {
  return JSON.stringify(
    events.map((e) => ({
      id: e.id, type: e.type, aggregate_id: e.aggregateId, version: e.version, payload: e.payload,
      correlation_id: e.correlationId ?? null, causation_id: e.causationId ?? null, occurred_at: e.occurredAt,
    })),
  );
}
