// Duplicate and reordered delivery of every saga event changes nothing: each event of an agreed
// and of a declined partnership is delivered again, both under its own id (the inbox drops it)
// and under a new id (the handlers' own state checks must), newest first.
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { QUEUES, consumersOf, type AnyEvent, type EventType } from '@capmatch/contracts';
import { waitForQuiet } from './support/quiet';
import { SagaScenario, type SagaWorld } from './support/saga';
import type { Json } from './support/scenario';
import { useStack } from './support/stack';

const SAGA_TYPES = ['partnership.proposed', 'partnership.agreed', 'partnership.ended', 'reservation.made', 'reservation.refused', 'hold.made', 'hold.refused'];

async function sagaEvents(partnershipIds: string[]): Promise<AnyEvent[]> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  try {
    const events: AnyEvent[] = [];
    for (const schema of ['matching', 'offers', 'requests']) {
      const { rows } = await db.query(
        `SELECT id, type, occurred_at, aggregate_id, version, payload, correlation_id, causation_id FROM "${schema}".outbox
         WHERE type = ANY($1) AND aggregate_id = ANY($2) ORDER BY seq`,
        [SAGA_TYPES, partnershipIds],
      );
      for (const r of rows) {
        events.push({
          id: r.id, type: r.type, occurredAt: new Date(r.occurred_at).toISOString(), aggregateId: r.aggregate_id, version: r.version,
          payload: r.payload, ...(r.correlation_id ? { correlationId: r.correlation_id } : {}), ...(r.causation_id ? { causationId: r.causation_id } : {}),
        } as AnyEvent);
      }
    }
    return events;
  } finally {
    await db.end();
  }
}

describe('saga events delivered twice and out of order', () => {
  let s: SagaScenario;

  useStack((started) => {
    s = new SagaScenario(started);
  });

  async function state(w: SagaWorld, partnershipId: string): Promise<Json> {
    const p = await s.partnership(partnershipId);
    return {
      partnership: p,
      offer: await s.readOffer(w.offer.id),
      request: await s.readRequest(w.request.id),
      histories: [
        await s.history('matching', `/v1/partnerships/${partnershipId}`),
        await s.history('offers', `/v1/offers/${w.offer.id}`),
        await s.history('requests', `/v1/requests/${w.request.id}`),
      ],
      proposals: (await s.proposedFor(w.request.id)).map((x) => x.id).sort(),
    };
  }

  it('changes nothing in any service', async () => {
    const agreed = await s.world('om');
    const a = await s.propose(agreed.request.id, agreed.offer.id);
    await waitForQuiet();
    await s.act(agreed.country, a.id, 'confirm');
    await s.act(agreed.donor, a.id, 'confirm');
    const declined = await s.world('so');
    const d = await s.propose(declined.request.id, declined.offer.id);
    await waitForQuiet();
    await s.act(declined.donor, d.id, 'decline', { reason: 'Cannot deliver this year' });
    await waitForQuiet();
    const before = [await state(agreed, a.id), await state(declined, d.id)];

    const events = await sagaEvents([a.id, d.id]);
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['partnership.proposed', 'partnership.agreed', 'partnership.ended', 'reservation.made', 'hold.made']),
    );
    const copies = [...events, ...events.map((e) => ({ ...e, id: randomUUID() }) as AnyEvent)].reverse();
    const queues = new Map<string, Queue>();
    try {
      for (const event of copies) {
        for (const consumer of consumersOf(event.type as EventType)) {
          const name = QUEUES[consumer];
          const queue = queues.get(name) ?? new Queue(name, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
          queues.set(name, queue);
          await queue.add(event.type, event, { jobId: `again-${randomUUID()}`, attempts: 3 });
        }
      }
    } finally {
      await Promise.all([...queues.values()].map((q) => q.close()));
    }
    await waitForQuiet();
    const after = [await state(agreed, a.id), await state(declined, d.id)];
    expect(after).toEqual(before);
    process.stdout.write(`saga redelivery: ${copies.length} copies of ${events.length} events delivered again, nothing changed\n`);
  });
});
