import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AnyEvent } from '@capmatch/contracts';
import { HandlesEvent } from '../../src/bus';
import { waitForQuiet } from '../../../../test/support/quiet';
import { dropPrefix, prepareDatabase, startBusApp, testDatabaseUrl, uniquePrefix, type BusApp } from './support/bus-harness';
import { ProbeEntity } from './support/probe.entity';
import { requestEvent } from './support/snapshots';

// Events of a named lane are batched apart, one batch of the lane at a time (event-batcher.ts):
// while request.updated handlers are held, request.submitted events must still be handled, and
// no two transactions may be inside the held lane at once.

const held = { release: (): void => undefined, gate: Promise.resolve(), inside: new Set<EntityManager>(), most: 0, entered: 0 };

@Injectable()
class LaneProbe {
  @HandlesEvent('request.submitted')
  submitted(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('request.updated', { lane: 'held' })
  async updated(event: AnyEvent, manager: EntityManager): Promise<void> {
    held.entered++;
    held.inside.add(manager);
    held.most = Math.max(held.most, held.inside.size);
    await held.gate;
    held.inside.delete(manager);
    await record(event, manager);
  }

  @HandlesEvent('request.withdrawn')
  withdrawn(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('offer.published')
  published(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('offer.updated')
  offerUpdated(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('offer.withdrawn')
  offerWithdrawn(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('reservation.made')
  reservationMade(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('reservation.refused')
  reservationRefused(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('hold.made')
  holdMade(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }

  @HandlesEvent('hold.refused')
  holdRefused(event: AnyEvent, manager: EntityManager): Promise<void> {
    return record(event, manager);
  }
}

async function record(event: AnyEvent, manager: EntityManager): Promise<void> {
  await manager.insert(ProbeEntity, {
    eventId: event.id, type: event.type, aggregateId: event.aggregateId, version: event.version, correlationId: event.correlationId ?? null,
  });
}

describe('event bus: lanes', () => {
  const prefix = uniquePrefix();
  let bus: BusApp;

  beforeAll(async () => {
    await prepareDatabase(testDatabaseUrl());
    // Small batches and four transaction slots: without lanes, held batches would take them all.
    bus = await startBusApp({ handlers: [LaneProbe], env: { QUEUE_PREFIX: prefix, BUS_HANDLER_BATCH: '4' } });
  });

  afterAll(async () => {
    held.release();
    await bus?.close();
    await dropPrefix(prefix);
  });

  it('handles other events while a lane is held, and runs one batch of the lane at a time', async () => {
    held.gate = new Promise((resolve) => (held.release = resolve));
    const updates = Array.from({ length: 24 }, () => requestEvent(randomUUID(), 2));
    await bus.dataSource.transaction((m) => bus.outbox.addAll(m, updates));
    const deadline = Date.now() + 20_000;
    while (held.entered === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const submitted = Array.from({ length: 12 }, () => requestEvent(randomUUID(), 1));
    const ids = await bus.dataSource.transaction(async (m) => (await bus.outbox.addAll(m, submitted)).map((e) => e.id));
    const handled = async () => (await bus.dataSource.query('SELECT count(*)::int AS n FROM matching.bus_probe WHERE event_id = ANY($1::uuid[])', [ids]))[0].n;
    while ((await handled()) < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await handled()).toBe(ids.length);
    expect(held.most).toBe(1);
    held.release();
    await waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
    const [{ n }] = await bus.dataSource.query(`SELECT count(*)::int AS n FROM matching.bus_probe WHERE type = 'request.updated' AND aggregate_id = ANY($1)`, [
      updates.map((u) => u.aggregateId),
    ]);
    expect(n).toBe(updates.length);
  });
});
