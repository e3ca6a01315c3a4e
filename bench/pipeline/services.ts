// Starts the four BUILT services as child processes for the pipeline benchmark, exactly as
// `npm run start:*` would, but on spare loopback ports, with their own database and queue
// prefix, so a benchmark never touches a developer's data and can run next to `npm start`.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { createRedis, deleteKeys } from '@capmatch/platform';
import type { ServiceName } from '@capmatch/contracts';
import type { ServiceUrls } from '../../scripts/lib/capmatch-client';
import { entryOf, startChildService, type ChildService } from '../../test/support/child-service';

const ROOT = resolve(__dirname, '..', '..');
/** Notifications runs too: it consumes offer and saga events, so without it the queues never go quiet. */
const ORDER: ServiceName[] = ['requests', 'offers', 'matching', 'notifications'];
const PUBLIC: (keyof ServiceUrls)[] = ['requests', 'offers', 'matching'];

export interface BenchEnvironment {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  jwtSecret: string;
}

export interface RunningServices {
  urls: ServiceUrls;
  logs: string[];
  stop(): Promise<void>;
  /** Kills one service with a signal (SIGKILL: no draining) and waits for it to exit. */
  kill(service: ServiceName, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a killed service again on its port, with the same environment; resolves once ready. */
  restart(service: ServiceName): Promise<void>;
}

/** The newest modification time (ms) of the TypeScript that tsconfig.build.json compiles under `dir`. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'test' && path !== join(ROOT, 'apps', 'console', 'web')) newest = Math.max(newest, newestSource(path));
    } else if (entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * Builds the services (tsc and tsc-alias, as `npm run build` does, without the console's web
 * bundle and without emptying dist first, so a running service's files never disappear) when
 * an entry is missing or older than a source file or tsconfig it is built from.
 */
export function ensureBuilt(): void {
  const entries = ORDER.map((svc) => entryOf(svc, 'dist'));
  const missing = ORDER.filter((_, i) => !existsSync(entries[i]));
  const builtAt = missing.length > 0 ? 0 : Math.min(...entries.map((entry) => statSync(entry).mtimeMs));
  const sources = Math.max(
    newestSource(join(ROOT, 'apps')),
    newestSource(join(ROOT, 'libs')),
    ...['tsconfig.json', 'tsconfig.build.json'].map((file) => statSync(join(ROOT, file)).mtimeMs),
  );
  if (builtAt >= sources) return;
  process.stderr.write(missing.length > 0 ? `dist is missing ${missing.join(', ')}: building\n` : 'dist is older than the sources: building\n');
  for (const [tool, args] of [['tsc', ['-p', 'tsconfig.build.json']], ['tsc-alias', ['-p', 'tsconfig.build.json']]] as const) {
    const build = spawnSync(join(ROOT, 'node_modules', '.bin', tool), args, { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
    if (build.status !== 0) throw new Error(`${tool} -p tsconfig.build.json failed`);
  }
}

/** Drops and recreates the benchmark database and deletes the benchmark's Redis keys. */
export async function freshEnvironment(database: string, queuePrefix: string): Promise<BenchEnvironment> {
  if (!/^[a-z0-9_]+$/.test(database)) throw new Error(`bad benchmark database name ${database}`);
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const admin = new Client({ connectionString: process.env.BENCH_ADMIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const redis = createRedis({ REDIS_URL: redisUrl, REDIS_CLUSTER: process.env.REDIS_CLUSTER === 'true' }, 'client', 'capmatch-bench');
  try {
    await deleteKeys(redis, `*${queuePrefix}:*`);
  } finally {
    redis.disconnect();
  }
  const base = new URL(process.env.BENCH_ADMIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${database}`;
  return { databaseUrl: base.toString(), redisUrl, queuePrefix, jwtSecret: randomBytes(32).toString('hex') };
}

/** The environment of a built service started by a bench: production mode, its own database and prefix. */
export function serviceEnv(env: BenchEnvironment): Record<string, string> {
  return {
    NODE_ENV: 'production',
    ENV_FILE: '/nonexistent/.env',
    DATABASE_URL: env.databaseUrl,
    REDIS_URL: env.redisUrl,
    QUEUE_PREFIX: env.queuePrefix,
    JWT_SECRET: env.jwtSecret,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
  };
}

export interface BenchServiceOptions {
  extraEnv?: Record<string, string>;
  /** Suffix of the log file when several instances of one service run. */
  instance?: string;
  /** Reuse a port (a restart after a kill); a spare one by default. */
  port?: number;
  /** `dist` (built, as `npm run start:*`, the default) or `source` (through @swc-node/register). */
  from?: 'dist' | 'source';
  /** Another checkout to run the service from (a "before" measurement on older code). */
  root?: string;
}

/** Starts one service of a bench; BENCH_PROFILE=<service> writes a V8 CPU profile of it on exit. */
export function startBenchService(service: ServiceName, env: BenchEnvironment, options: BenchServiceOptions = {}): Promise<ChildService> {
  return startChildService({
    service,
    port: options.port,
    from: options.from,
    root: options.root,
    env: { ...serviceEnv(env), ...options.extraEnv },
    log: join(tmpdir(), `capmatch-bench-${env.queuePrefix}-${service}${options.instance ?? ''}.log`),
    nodeArgs: process.env.BENCH_PROFILE === service ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : [],
  });
}

/** Starts requests, offers, matching and notifications one after another, each once /health/ready answers. */
export async function startServices(env: BenchEnvironment, extraEnv: Record<string, string> = {}): Promise<RunningServices> {
  const children = new Map<ServiceName, ChildService>();
  const stop = async () => {
    for (const service of [...ORDER].reverse()) await children.get(service)?.stop();
  };
  // A restart keeps the service's port (clients hold its URL) and appends to its log.
  const launch = async (service: ServiceName) => {
    const previous = children.get(service);
    const port = previous ? Number(new URL(previous.url).port) : undefined;
    children.set(service, await startBenchService(service, env, { extraEnv, port }));
  };
  const kill = async (service: ServiceName, signal: NodeJS.Signals = 'SIGKILL') => children.get(service)?.kill(signal);
  try {
    for (const service of ORDER) await launch(service);
  } catch (error) {
    await stop();
    throw error;
  }
  const urls = Object.fromEntries(PUBLIC.map((service) => [service, children.get(service)!.url])) as unknown as ServiceUrls;
  return { urls, logs: ORDER.map((service) => children.get(service)!.log), stop, kill, restart: launch };
}
