// Starts the three BUILT services as child processes for the pipeline benchmark, exactly as
// `npm run start:*` would, but on spare loopback ports, with their own database and queue
// prefix, so a benchmark never touches a developer's data and can run next to `npm start`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { ServiceName, ServiceUrls } from '../../scripts/lib/capmatch-client';

const ROOT = resolve(__dirname, '..', '..');
const ORDER: ServiceName[] = ['requests', 'offers', 'matching'];
const PORT_VARIABLE: Record<ServiceName, string> = { requests: 'REQUESTS_PORT', offers: 'OFFERS_PORT', matching: 'MATCHING_PORT' };

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

export function ensureBuilt(): void {
  const missing = ORDER.filter((svc) => !existsSync(join(ROOT, 'dist', 'apps', svc, 'src', 'main.js')));
  if (missing.length === 0) return;
  process.stderr.write(`dist is missing ${missing.join(', ')}: running npm run build\n`);
  const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) throw new Error('npm run build failed');
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
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  const base = new URL(process.env.BENCH_ADMIN_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/${database}`;
  return { databaseUrl: base.toString(), redisUrl, queuePrefix, jwtSecret: randomBytes(32).toString('hex') };
}

function sparePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, service: string, log: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${service} exited with code ${child.exitCode} during start-up; see ${log}`);
    try {
      if ((await fetch(`${url}/health/ready`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service} was not ready within 60 s; see ${log}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** Starts requests, offers and matching one after another, each once /health/ready answers. */
export async function startServices(env: BenchEnvironment, extraEnv: Record<string, string> = {}): Promise<RunningServices> {
  const children = new Map<ServiceName, ChildProcess>();
  const ports = new Map<ServiceName, number>();
  const logs: string[] = [];
  const urls = {} as ServiceUrls;
  const stop = async () => {
    for (const service of [...ORDER].reverse()) {
      const child = children.get(service);
      if (child) await stopChild(child);
    }
  };
  const launch = async (service: ServiceName) => {
    const port = ports.get(service) ?? (await sparePort());
    ports.set(service, port);
    const log = join(tmpdir(), `capmatch-bench-${service}.log`);
    if (!logs.includes(log)) logs.push(log);
    const out = createWriteStream(log, { flags: 'a' });
    // BENCH_PROFILE=matching (or requests, offers) writes a V8 CPU profile of that service on exit.
    const profile = process.env.BENCH_PROFILE === service ? ['--cpu-prof', `--cpu-prof-dir=${tmpdir()}`] : [];
    const child = spawn(process.execPath, [...profile, join(ROOT, 'dist', 'apps', service, 'src', 'main.js')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        ENV_FILE: '/nonexistent/.env',
        HOST: '127.0.0.1',
        [PORT_VARIABLE[service]]: String(port),
        DATABASE_URL: env.databaseUrl,
        REDIS_URL: env.redisUrl,
        QUEUE_PREFIX: env.queuePrefix,
        JWT_SECRET: env.jwtSecret,
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn',
        ...extraEnv,
      },
    });
    child.stdout?.pipe(out);
    child.stderr?.pipe(out);
    children.set(service, child);
    urls[service] = `http://127.0.0.1:${port}`;
    await waitReady(urls[service], child, service, log);
  };
  const kill = async (service: ServiceName, signal: NodeJS.Signals = 'SIGKILL') => {
    const child = children.get(service);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill(signal);
    });
  };
  try {
    for (const service of ORDER) await launch(service);
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls, logs, stop, kill, restart: launch };
}
