import { Type as ClassType } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test, type TestingModule } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { QUEUES } from '@capmatch/contracts';
import { coreConfig } from '../../../src/config/core.config';
import { EventBusModule, OutboxRelay, OutboxService, busConfig, busMigrations } from '../../../src/bus';
import { CreateProbe1764000000001, ProbeEntity } from './probe.entity';
import { ProbeHandlers } from './probe.handlers';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The database of this jest worker; refuses any database whose name lacks "test". */
export function testDatabaseUrl(): string {
  const fromEnv = process.env.DATABASE_URL;
  const url = fromEnv && /test/.test(new URL(fromEnv).pathname)
    ? fromEnv
    : `postgres://postgres@127.0.0.1:5432/${process.env.TEST_DATABASE ?? 'capmatch_test'}_w${process.env.JEST_WORKER_ID ?? '1'}`;
  const name = new URL(url).pathname.slice(1);
  if (!name.includes('test')) throw new Error(`Refusing to run bus tests against database "${name}"`);
  return url;
}

/** Creates the database if needed and gives the fake service a fresh "matching" schema. */
export async function prepareDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const admin = new Client({ connectionString: url.replace(/\/[^/?]+(\?.*)?$/, '/postgres') });
  await admin.connect();
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`).catch(() => undefined); // a parallel worker may win
  await admin.end();
  const db = new DataSource({
    type: 'postgres', url, schema: 'matching', migrations: [...busMigrations, CreateProbe1764000000001],
  });
  await db.initialize();
  await db.query('DROP SCHEMA IF EXISTS matching CASCADE');
  await db.query('CREATE SCHEMA matching');
  await db.runMigrations();
  await db.destroy();
}

export function uniquePrefix(): string {
  return `capmatch_test_bus_${randomBytes(4).toString('hex')}`;
}

export interface BusApp {
  app: TestingModule;
  outbox: OutboxService;
  relay: OutboxRelay;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * Boots the fake "matching" service: TypeORM on the test database, the EventBusModule and the
 * given handler classes. `env` is applied while the module is built (config is read then).
 */
export async function startBusApp(
  options: { handlers?: ClassType[]; env?: Record<string, string> } = {},
): Promise<BusApp> {
  const saved = { ...process.env };
  Object.assign(process.env, {
    DATABASE_URL: testDatabaseUrl(), BUS_BACKOFF_MS: '50', BUS_ATTEMPTS: '3', BUS_RELAY_POLL_MS: '200',
    BUS_RELAY_MAX_BACKOFF_MS: '400', BUS_PUBLISH_TIMEOUT_MS: '1000', ...options.env,
  });
  try {
    const app = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [coreConfig, busConfig] }),
        TypeOrmModule.forRoot({
          type: 'postgres', url: testDatabaseUrl(), schema: 'matching', entities: [ProbeEntity], extra: { max: 20 },
        }),
        EventBusModule.forService('matching'),
      ],
      providers: options.handlers ?? [ProbeHandlers],
    }).compile();
    await app.init().catch(async (error: unknown) => {
      // A context whose init failed runs no shutdown hooks: close the pool by hand.
      const dataSource = app.get(DataSource);
      if (dataSource.isInitialized) await dataSource.destroy();
      throw error;
    });
    return {
      app,
      outbox: app.get(OutboxService),
      relay: app.get(OutboxRelay),
      dataSource: app.get(DataSource),
      close: () => app.close(),
    };
  } finally {
    process.env = saved;
  }
}

export function matchingQueue(prefix: string): Queue {
  const url = new URL(REDIS_URL);
  const queue = new Queue(QUEUES.matching, { connection: { host: url.hostname, port: Number(url.port || 6379) }, prefix });
  queue.on('error', () => undefined); // failures surface through the awaited calls
  return queue;
}

/** Deletes every key of a test's queue prefix. */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = new IORedis(REDIS_URL);
  const stream = redis.scanStream({ match: `${prefix}:*`, count: 500 });
  for await (const keys of stream) if ((keys as string[]).length) await redis.del(...(keys as string[]));
  redis.disconnect();
}
