/**
 * Event bus throughput: events per second through outbox -> relay -> BullMQ -> worker with the
 * inbox gate, against raw BullMQ add-and-process on the same Redis with the same concurrency.
 * Uses its own database (capmatch_bench) and queue prefix and removes both afterwards.
 *   npm run bench:bus            BENCH_EVENTS=20000 BUS_CONCURRENCY=16 npm run bench:bus
 */
import 'reflect-metadata';
import { Injectable, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue, Worker } from 'bullmq';
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { NewEvent, RequestSnapshot } from '@capmatch/contracts';
import { coreConfig } from '@capmatch/platform/config/core.config';
import { createRedis, deleteKeys } from '@capmatch/platform/redis/redis-connection';
import { BusEnv, EventBusModule, HandlesEvent, OutboxRelay, OutboxService, busConfig, busMigrations } from '@capmatch/platform/bus';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
// The bus's own default (bus.config.ts); raw BullMQ gets the same concurrency.
const CONCURRENCY = Number(process.env.BUS_CONCURRENCY ?? new BusEnv().BUS_CONCURRENCY);
const TIME_LIMIT_MS = 120_000;
const WRITE_BATCH = 500;
const BASE_URL = process.env.BENCH_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';
const DATABASE_URL = `${BASE_URL}/capmatch_bench`;
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `{capmatch_bench_${randomBytes(4).toString('hex')}}`;
// REDIS_CLUSTER=true with REDIS_URL listing nodes measures against a Redis Cluster.
const REDIS = { REDIS_URL, REDIS_CLUSTER: process.env.REDIS_CLUSTER === 'true' };

let handled = 0;

interface Phase {
  perSecond: number;
  /** CPU milliseconds of this process (all its threads) per 1,000 events. */
  cpuPer1000: number;
  /** Share of the wall time the main thread's event loop was busy. */
  mainBusy: number;
}

/** Measures one phase: wall time, process CPU time (every thread) and the main event loop's utilisation. */
function meter(): (events: number) => Phase {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  return (events) => {
    const elapsed = performance.now() - started;
    const used = process.cpuUsage(cpu);
    return {
      perSecond: (events / elapsed) * 1000,
      cpuPer1000: ((used.user + used.system) / 1000 / events) * 1000,
      mainBusy: performance.eventLoopUtilization(elu).utilization,
    };
  };
}

@Injectable()
class BenchHandlers {
  @HandlesEvent('request.submitted') async a() { handled += 1; }
  @HandlesEvent('request.updated') async b() { handled += 1; }
  @HandlesEvent('request.withdrawn') async c() { handled += 1; }
  @HandlesEvent('offer.published') async d() { handled += 1; }
  @HandlesEvent('offer.updated') async e() { handled += 1; }
  @HandlesEvent('offer.withdrawn') async f() { handled += 1; }
  // The owners' answers of the partnership saga are routed to matching as well.
  @HandlesEvent('reservation.made') async g() { handled += 1; }
  @HandlesEvent('reservation.refused') async h() { handled += 1; }
  @HandlesEvent('hold.made') async i() { handled += 1; }
  @HandlesEvent('hold.refused') async j() { handled += 1; }
}

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [coreConfig, busConfig] }),
    TypeOrmModule.forRoot({ type: 'postgres', url: DATABASE_URL, schema: 'matching', extra: { max: 10 } }),
    EventBusModule.forService('matching'),
  ],
  providers: [BenchHandlers],
})
class BenchModule {}

function snapshot(id: string, version: number): RequestSnapshot {
  return {
    id, country: 'RWA', title: 'Speech data', description: 'Corpus', language: 'en', capacityAreas: ['data'],
    modalities: ['training'], sdgs: [4], targetGroups: [], deliveryLanguages: ['rw'], cooperationTypes: ['south-south'],
    budgetUsd: 1000, window: { start: '2027-01-01', end: '2027-12-31' }, nationalStrategyRef: null, priority: 'medium',
    status: 'open', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version,
    classification: {
      region: 'africa', subregion: 'sub-saharan-africa', intermediateRegion: 'eastern-africa',
      developmentStatus: 'developing', ldc: true, lldc: true, sids: false, incomeGroup: 'low',
    },
  };
}

async function until(what: string, done: () => boolean, started: number): Promise<void> {
  while (!done()) {
    if (Date.now() - started > TIME_LIMIT_MS) throw new Error(`${what}: not finished within ${TIME_LIMIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function prepareDatabase(): Promise<void> {
  const admin = new Client({ connectionString: `${BASE_URL}/postgres` });
  await admin.connect();
  const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'capmatch_bench'`);
  if (!rowCount) await admin.query('CREATE DATABASE capmatch_bench');
  await admin.end();
  const db = new DataSource({ type: 'postgres', url: DATABASE_URL, schema: 'matching', migrations: busMigrations });
  await db.initialize();
  await db.query('DROP SCHEMA IF EXISTS matching CASCADE');
  await db.query('CREATE SCHEMA matching');
  await db.runMigrations();
  await db.destroy();
}

/**
 * CPU milliseconds the Postgres backends of the bench database have used so far, when Postgres
 * runs on this machine (read from /proc); undefined otherwise.
 */
async function postgresCpuMs(dataSource: DataSource): Promise<number | undefined> {
  const rows: { pid: number }[] = await dataSource.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  try {
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat, in clock ticks (100 per second).
    return rows.reduce((sum, { pid }) => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * 10;
    }, 0);
  } catch {
    return undefined;
  }
}

async function benchBus(): Promise<{ bus: Phase; relay: number; threaded: boolean; postgresPer1000?: number }> {
  process.env.QUEUE_PREFIX = PREFIX;
  process.env.REDIS_URL = REDIS_URL;
  process.env.BUS_CONCURRENCY = String(CONCURRENCY);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error', 'warn'] });
  await app.init();
  const dataSource = app.get(DataSource);
  const outbox = app.get(OutboxService);
  const threaded = app.get(OutboxRelay).threaded;
  const aggregates = Array.from({ length: 1000 }, () => randomUUID());
  const started = Date.now();
  const done = meter();
  for (let offset = 0; offset < EVENTS; offset += WRITE_BATCH) {
    const events: NewEvent[] = [];
    for (let i = offset; i < Math.min(offset + WRITE_BATCH, EVENTS); i += 1) {
      const id = aggregates[i % aggregates.length];
      const version = Math.floor(i / aggregates.length) + 1;
      events.push({ type: 'request.updated', aggregateId: id, version, payload: snapshot(id, version) });
    }
    await dataSource.transaction((manager) => outbox.addAll(manager, events));
  }
  // The relay's own pace: when the last outbox row reached Redis (polled beside the consumer).
  let relayedAt = 0;
  const watchRelay = (async () => {
    while (!relayedAt) {
      // EXISTS stops at the first unrelayed row; a count would visit every one, every 20 ms.
      const [{ done }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM matching.outbox WHERE relayed_at IS NULL) AS done');
      if (done) relayedAt = Date.now();
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  await until('bus', () => handled >= EVENTS, started);
  const bus = done(EVENTS);
  await watchRelay;
  // Every backend of the bench database was opened for this phase (the pools start empty).
  const postgresMs = await postgresCpuMs(dataSource);
  await app.close();
  const postgresPer1000 = postgresMs === undefined ? undefined : (postgresMs / EVENTS) * 1000;
  return { bus, relay: (EVENTS / (relayedAt - started)) * 1000, threaded, postgresPer1000 };
}

async function benchRawBullmq(): Promise<Phase> {
  const connection = createRedis(REDIS, 'worker', 'bench-raw');
  const name = 'bench.raw';
  const queue = new Queue(name, { connection, prefix: PREFIX });
  let processed = 0;
  const worker = new Worker(name, async () => void (processed += 1), {
    connection, prefix: PREFIX, concurrency: CONCURRENCY, removeOnComplete: { count: 1000 },
  });
  const started = Date.now();
  const done = meter();
  for (let offset = 0; offset < EVENTS; offset += WRITE_BATCH) {
    const jobs = [];
    for (let i = offset; i < Math.min(offset + WRITE_BATCH, EVENTS); i += 1) {
      const id = randomUUID();
      jobs.push({ name: 'request.updated', data: { id, payload: snapshot(id, 1) }, opts: { jobId: id, attempts: 8 } });
    }
    await queue.addBulk(jobs);
  }
  await until('raw BullMQ', () => processed >= EVENTS, started);
  const raw = done(EVENTS);
  await worker.close();
  await queue.close();
  connection.disconnect();
  return raw;
}

async function cleanUp(): Promise<void> {
  const redis = createRedis(REDIS, 'client', 'bench-clean-up');
  await deleteKeys(redis, `${PREFIX}:*`);
  redis.disconnect();
  const admin = new Client({ connectionString: `${BASE_URL}/postgres` });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS capmatch_bench WITH (FORCE)');
  await admin.end();
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  await prepareDatabase();
  try {
    const raw = await benchRawBullmq();
    const { bus, relay, threaded, postgresPer1000 } = await benchBus();
    const handlerBatch = process.env.BUS_HANDLER_BATCH ?? new BusEnv().BUS_HANDLER_BATCH;
    const cpu = (p: Phase) => `${p.cpuPer1000.toFixed(0)} ms CPU per 1,000, main thread busy ${(p.mainBusy * 100).toFixed(0)} %`;
    console.log(`events: ${EVENTS}, concurrency: ${CONCURRENCY}, handler batch: ${handlerBatch}, write batch: ${WRITE_BATCH}, relay ${threaded ? 'in its own thread' : 'in the main thread'}`);
    console.log(`raw BullMQ add+process: ${raw.perSecond.toFixed(0)} jobs/s (${cpu(raw)})`);
    console.log(`bus outbox->relay->BullMQ->inbox+handler: ${bus.perSecond.toFixed(0)} events/s (${cpu(bus)})`);
    console.log(`  of which outbox insert + relay to BullMQ alone: ${relay.toFixed(0)} events/s`);
    if (postgresPer1000 !== undefined) console.log(`  Postgres backends: ${postgresPer1000.toFixed(0)} ms CPU per 1,000 events`);
    console.log(`ratio bus/raw: ${(bus.perSecond / raw.perSecond).toFixed(2)}`);
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
