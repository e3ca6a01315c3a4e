import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AnyEvent, NewEvent } from '@capmatch/contracts';
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

  constructor(@Inject(BUS_SCHEMA) schema: string) {
    this.channel = outboxChannel(schema);
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
    const context = RequestContext.current();
    const correlationId = context?.requestId;
    const causationId = context?.causationId;
    const occurredAt = new Date().toISOString();
    const full = events.map(
      (e) =>
        ({ ...e, id: randomUUID(), occurredAt, ...(correlationId ? { correlationId } : {}), ...(causationId ? { causationId } : {}) }) as AnyEvent,
    );
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
}
