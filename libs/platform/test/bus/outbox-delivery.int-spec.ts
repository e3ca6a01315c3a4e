import { randomUUID } from 'node:crypto';
import { register } from 'prom-client';
import { In } from 'typeorm';
import { RequestContext } from '../../src/bus';
import { waitForQuiet } from '../../../../test/support/quiet';
import {
  dropPrefix, matchingQueue, prepareDatabase, startBusApp, testDatabaseUrl, uniquePrefix, type BusApp,
} from './support/bus-harness';
import { ProbeEntity } from './support/probe.entity';
import { script } from './support/probe.handlers';
import { requestEvent } from './support/snapshots';

describe('event bus: outbox to handler', () => {
  const prefix = uniquePrefix();
  let bus: BusApp;
  const quiet = () => waitForQuiet({ prefix, databaseUrl: testDatabaseUrl() });
  const handled = (eventId: string) => bus.dataSource.getRepository(ProbeEntity).findBy({ eventId });

  beforeAll(async () => {
    await prepareDatabase(testDatabaseUrl());
    bus = await startBusApp({ env: { QUEUE_PREFIX: prefix } });
  });

  afterAll(async () => {
    await bus?.close();
    await dropPrefix(prefix);
  });

  it('never delivers an event whose transaction rolled back', async () => {
    const aggregateId = randomUUID();
    let writtenId = '';
    await expect(
      bus.dataSource.transaction(async (manager) => {
        writtenId = (await bus.outbox.add(manager, requestEvent(aggregateId))).id;
        throw new Error('business rule broken');
      }),
    ).rejects.toThrow('business rule broken');
    const marker = await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID())));
    await quiet();
    expect(await handled(marker.id)).toHaveLength(1);
    expect(await handled(writtenId)).toHaveLength(0);
    expect(await bus.dataSource.query('SELECT 1 FROM matching.outbox WHERE id = $1', [writtenId])).toHaveLength(0);
  });

  it('handles a committed event once in effect, even when its job is delivered again', async () => {
    const event = await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID())));
    await quiet();
    const queue = matchingQueue(prefix);
    await queue.add(event.type, event, { jobId: event.id });
    await queue.add(event.type, event, { jobId: `${event.id}-again` });
    await queue.close();
    await quiet();
    expect(await handled(event.id)).toHaveLength(1);
    const inbox = await bus.dataSource.query('SELECT consumer FROM matching.inbox WHERE event_id = $1', [event.id]);
    expect(inbox).toEqual([{ consumer: 'matching' }]);
  });

  it('retries a failing handler and applies the event once it succeeds', async () => {
    const aggregateId = randomUUID();
    const event = await bus.dataSource.transaction(async (m) => {
      const written = await bus.outbox.add(m, requestEvent(aggregateId));
      script.failuresLeft.set(written.id, 2);
      return written;
    });
    await quiet();
    expect(await handled(event.id)).toHaveLength(1);
    expect(script.failuresLeft.get(event.id)).toBe(0);
  });

  it('handles events sharing a transaction independently when one of them fails', async () => {
    const events = await bus.dataSource.transaction(async (m) => {
      const written = await bus.outbox.addAll(m, Array.from({ length: 40 }, () => requestEvent(randomUUID())));
      script.failuresLeft.set(written[7].id, 1);
      return written;
    });
    await quiet();
    const rows = await bus.dataSource.getRepository(ProbeEntity).findBy({ eventId: In(events.map((e) => e.id)) });
    expect(rows.map((r) => r.eventId).sort()).toEqual(events.map((e) => e.id).sort());
    expect(script.failuresLeft.get(events[7].id)).toBe(0);
  });

  it('never applies an event older than one already applied for the same aggregate', async () => {
    const aggregateId = randomUUID();
    const [v1, v2] = await bus.dataSource.transaction(async (m) => {
      const first = await bus.outbox.add(m, requestEvent(aggregateId, 1));
      return [first, await bus.outbox.add(m, requestEvent(aggregateId, 2))];
    });
    await quiet();
    const v3 = { ...v2, id: randomUUID(), version: 3, payload: { ...v2.payload, version: 3 } };
    const late = { ...v1, id: randomUUID() }; // a copy of version 1 arriving after version 3
    const queue = matchingQueue(prefix);
    await queue.add(v3.type, v3, { jobId: v3.id });
    await quiet();
    await queue.add(late.type, late, { jobId: late.id });
    await quiet();
    await queue.close();
    const applied = await bus.dataSource.getRepository(ProbeEntity).find({ where: { aggregateId }, order: { seq: 'ASC' } });
    expect(applied.map((r) => r.version)).toEqual([1, 2, 3]);
    const inbox = await bus.dataSource.query('SELECT 1 FROM matching.inbox WHERE event_id = $1', [late.id]);
    expect(inbox).toHaveLength(1);
  });

  it('leaves a job that keeps failing in the failed set with its error after the last attempt', async () => {
    const event = await bus.dataSource.transaction(async (m) => {
      const written = await bus.outbox.add(m, requestEvent(randomUUID()));
      script.failuresLeft.set(written.id, 100);
      return written;
    });
    await quiet();
    const queue = matchingQueue(prefix);
    const job = await queue.getJob(event.id);
    const state = await job?.getState();
    await queue.close();
    expect(state).toBe('failed');
    expect(job?.attemptsMade).toBe(3);
    expect(job?.failedReason).toBe(`scripted failure of ${event.id}`);
    expect(await handled(event.id)).toHaveLength(0);
  });

  it('fails an invalid payload for good with the bad fields named, and keeps the flow going', async () => {
    const good = requestEvent(randomUUID());
    const bad = {
      ...good, id: randomUUID(), occurredAt: new Date().toISOString(),
      payload: { ...good.payload, status: 'lost', budgetUsd: 'a lot', extra: true },
    };
    const queue = matchingQueue(prefix);
    await queue.add(bad.type, bad, { jobId: bad.id, attempts: 3 });
    const later = await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID())));
    await quiet();
    const failed = await queue.getJob(bad.id);
    const state = await failed?.getState();
    await queue.close();
    expect(state).toBe('failed');
    expect(failed?.attemptsMade).toBe(1);
    expect(failed?.failedReason).toContain(`Invalid event in job ${bad.id}`);
    expect(failed?.failedReason).toContain('payload.status: must be one of: open, matched, withdrawn');
    expect(failed?.failedReason).toContain('payload.budgetUsd:');
    expect(failed?.failedReason).toContain('payload.extra: is not allowed');
    expect(await handled(bad.id)).toHaveLength(0);
    expect(await handled(later.id)).toHaveLength(1);
  });

  it('carries the correlation id into events written by a handler', async () => {
    const aggregateId = randomUUID();
    await RequestContext.run({ requestId: 'req-chain-1' }, () =>
      bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(aggregateId, 1, { title: script.chainTitle }))),
    );
    await quiet();
    const rows = await bus.dataSource.getRepository(ProbeEntity).find({ where: { aggregateId }, order: { seq: 'ASC' } });
    expect(rows.map((r) => [r.type, r.version, r.correlationId])).toEqual([
      ['request.submitted', 1, 'req-chain-1'],
      ['request.updated', 2, 'req-chain-1'],
    ]);
  });

  it('exposes its metrics on the default prom-client registry', async () => {
    await bus.dataSource.transaction((m) => bus.outbox.add(m, requestEvent(randomUUID())));
    await quiet();
    const text = await register.metrics();
    expect(text).toContain('capmatch_bus_outbox_backlog{schema="matching"} 0');
    expect(text).toMatch(/capmatch_bus_queue_jobs\{queue="capmatch.matching.events",state="failed"\} [1-9]/);
    expect(text).toMatch(/capmatch_bus_jobs_completed_total\{queue="capmatch.matching.events",type="request.submitted"\} [1-9]/);
    expect(text).toMatch(/capmatch_bus_jobs_failed_total\{.*final="true"\} [1-9]/);
    expect(text).toMatch(/capmatch_bus_relay_published_total\{schema="matching",queue="capmatch.matching.events"\} [1-9]/);
  });
});
