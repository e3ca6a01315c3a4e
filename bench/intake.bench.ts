/**
 * Intake throughput: creates per second of POST /v1/requests with one and with two instances of
 * the built requests service on this machine (closed loop, keep-alive, a fresh Idempotency-Key
 * per POST), p50/p99 latency, and where the time goes (CPU profile of one instance under load,
 * row writes and transactions per create). Own database capmatch_bench_intake and queue prefix.
 *
 *   npm run bench:intake
 *   npm run bench:intake -- --seconds 20 --concurrency 64 --instances 1,2 --no-key --pool 20
 */
import { parseArgs } from 'node:util';
import { cpus, tmpdir } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { TokenBook } from '../scripts/lib/dev-tokens';
import { dbCounters, monotonicMicros, perCreate, profileBreakdown } from './intake/breakdown';
import { runLoad, type LoadResult } from './intake/load';
import { ensureBuilt, freshEnvironment, startBenchService, type BenchEnvironment } from './pipeline/services';
import { summarise } from './pipeline/stats';
import { rng } from './support/random';
import { request as syntheticRequest } from './pipeline/synthetic';
import type { ChildService } from '../test/support/child-service';

const DATABASE = 'capmatch_bench_intake';
const PREFIX = '{capmatch-bench-intake}';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '64' },
    instances: { type: 'string', default: '1,2' },
    'no-key': { type: 'boolean', default: false },
    'no-profile': { type: 'boolean', default: false },
    pool: { type: 'string' },
    'log-level': { type: 'string' },
  },
});

const seconds = Number(args.seconds);
const concurrency = Number(args.concurrency);
const extraEnv: Record<string, string> = {
  ...(args.pool ? { DB_POOL_SIZE: args.pool } : {}),
  ...(args['log-level'] ? { LOG_LEVEL: args['log-level'] } : {}),
};

async function bodies(env: BenchEnvironment) {
  const tokens = new TokenBook(env.jwtSecret);
  const r = rng(11);
  const pool = Array.from({ length: 2000 }, (_, i) => syntheticRequest(r, i));
  const tokenOf = new Map<string, string>();
  for (const { country } of pool) if (!tokenOf.has(country)) tokenOf.set(country, await tokens.country(country));
  const encoded = pool.map(({ country, body }) => ({ body: JSON.stringify(body), token: tokenOf.get(country)! }));
  return (i: number) => encoded[i % encoded.length];
}

function report(label: string, result: LoadResult): void {
  const s = summarise(result.latencies);
  const failures = [...result.failures].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
  console.log(
    `${label.padEnd(14)} ${(result.created / result.seconds).toFixed(0).padStart(6)} creates/s   latency p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms   (${result.created} in ${result.seconds.toFixed(1)} s; other answers: ${failures})`,
  );
}

/** The warm-up, then the measured load; `window` is the measured part on the profile clock. */
async function measure(urls: string[], next: Awaited<ReturnType<typeof bodies>>): Promise<LoadResult & { window: [number, number] }> {
  const base = { urls, path: '/v1/requests', concurrency, next, idempotencyKeys: !args['no-key'] };
  await runLoad({ ...base, seconds: Number(args.warmup) });
  const from = monotonicMicros();
  const result = await runLoad({ ...base, seconds });
  return { ...result, window: [from, monotonicMicros()] };
}

function newestProfile(since: number): string | undefined {
  const files = readdirSync(tmpdir()).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(tmpdir(), f));
  return files.filter((f) => statSync(f).mtimeMs >= since).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

async function main(): Promise<void> {
  ensureBuilt();
  const env = await freshEnvironment(DATABASE, PREFIX);
  const next = await bodies(env);
  const db = new Client({ connectionString: env.databaseUrl });
  const running: ChildService[] = [];
  const stopAll = async () => {
    for (const child of running.splice(0)) await child.stop();
  };
  console.log(
    `capmatch intake benchmark: POST /v1/requests, ${concurrency} callers, ${seconds} s per figure after ${args.warmup} s warm-up, ` +
      `${args['no-key'] ? 'no' : 'a fresh'} Idempotency-Key, ${cpus().length} CPUs, node ${process.version}` +
      (Object.keys(extraEnv).length ? `, ${JSON.stringify(extraEnv)}` : ''),
  );
  try {
    const counts = String(args.instances).split(',').map(Number);
    for (const n of counts) {
      while (running.length < n) running.push(await startBenchService('requests', env, { extraEnv, instance: `-${running.length + 1}` }));
      report(`${n} instance${n > 1 ? 's' : ''}`, await measure(running.map((c) => c.url), next));
    }
    await stopAll();

    if (!args['no-profile']) {
      // One instance again, profiled (V8 --cpu-prof slows it a little), and the database's view.
      process.env.BENCH_PROFILE = 'requests';
      const since = Date.now();
      running.push(await startBenchService('requests', env, { extraEnv, instance: '-profiled' }));
      await db.connect();
      const before = await dbCounters(db);
      const result = await measure([running[0].url], next);
      await stopAll();
      await new Promise((r) => setTimeout(r, 1500)); // Postgres publishes its counters about once a second
      const after = await dbCounters(db);
      report('1, profiled', result);
      console.log('where the time goes in the requests instance (CPU profile of the measured seconds, share of wall time):');
      const file = newestProfile(since);
      if (file) for (const { part, share } of profileBreakdown(file, ...result.window)) console.log(`  ${(share * 100).toFixed(1).padStart(5)} %  ${part}`);
      else console.log('  (no profile written)');
      console.log('what Postgres saw (warm-up and measurement together):');
      const inserted = (c: typeof before) => c.tables.get('requests.requests')?.inserted ?? 0;
      for (const line of perCreate(before, after, Math.max(1, inserted(after) - inserted(before)))) console.log(`  ${line}`);
    }
  } finally {
    await stopAll();
    await db.end().catch(() => undefined);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
