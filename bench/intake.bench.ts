/**
 * Intake throughput: creates per second of POST /v1/requests with one and with two instances of
 * the built requests service on this machine (closed loop, keep-alive, a fresh Idempotency-Key
 * per POST), p50/p99 latency, and where the time goes (CPU profile of one instance under load,
 * row writes and transactions per create). Own database capmatch_bench_intake and queue prefix.
 *
 *   npm run bench:intake
 *   npm run bench:intake -- --seconds 20 --concurrency 64 --instances 1,2 --no-key --pool 20
 *   npm run bench:intake -- --root /path/to/other/checkout   (its built dist: a "before" figure)
 */
import { parseArgs } from 'node:util';
import { cpus, loadavg, tmpdir } from 'node:os';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { dbCounters, monotonicMicros, perCreate, profileBreakdown } from './intake/breakdown';
import { bodies } from './intake/bodies';
import { cpuPerCreate, sampleCpu } from './intake/cpu';
import { runLoad, type LoadResult } from './intake/load';
import { ensureBuilt, freshEnvironment, startBenchService } from './pipeline/services';
import { summarise } from './pipeline/stats';
import type { ChildService } from '../test/support/child-service';

const DATABASE = 'capmatch_bench_intake';
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');
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
    root: { type: 'string' },
  },
});

const seconds = Number(args.seconds);
/** Another checkout whose built dist/ is measured instead of this one's (not rebuilt here). */
const root = args.root;
const concurrency = Number(args.concurrency);
const extraEnv: Record<string, string> = {
  ...(args.pool ? { DB_POOL_SIZE: args.pool } : {}),
  ...(args['log-level'] ? { LOG_LEVEL: args['log-level'] } : {}),
};

function report(label: string, result: LoadResult & { cpu?: string }): void {
  const s = summarise(result.latencies);
  const failures = [...result.failures].map(([k, n]) => `${k}: ${n}`).join(', ') || 'none';
  console.log(
    `${label.padEnd(14)} ${(result.created / result.seconds).toFixed(0).padStart(6)} creates/s   latency p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms, max ${s.max.toFixed(1)} ms   (${result.created} in ${result.seconds.toFixed(1)} s; other answers: ${failures})`,
  );
  if (result.cpu) console.log(result.cpu);
}

/**
 * The warm-up, then the measured load; `window` is the measured part on the profile clock, and
 * the CPU time the instances, the database's backends and this client spent in it is printed.
 */
async function measure(
  services: ChildService[],
  next: Awaited<ReturnType<typeof bodies>>,
  db: Client,
): Promise<LoadResult & { window: [number, number]; cpu: string }> {
  const base = { urls: services.map((s) => s.url), path: '/v1/requests', concurrency, next, idempotencyKeys: !args['no-key'] };
  const pids = services.map((s) => s.process.pid!);
  await runLoad({ ...base, seconds: Number(args.warmup) });
  const cpuFrom = await sampleCpu(db, pids);
  const from = monotonicMicros();
  const result = await runLoad({ ...base, seconds });
  const window: [number, number] = [from, monotonicMicros()];
  const per = cpuPerCreate(cpuFrom, await sampleCpu(db, pids), result.created);
  const total = per.service + per.postgres + per.client;
  const cpu =
    `${''.padEnd(14)} CPU per create: service ${per.service.toFixed(2)} ms (main thread ${per.serviceMain.toFixed(2)}), Postgres backends ${per.postgres.toFixed(2)} ms, ` +
    `bench client ${per.client.toFixed(2)} ms; all ${total.toFixed(2)} ms, so at most ${((1000 * cpus().length) / total).toFixed(0)} creates/s on ${cpus().length} CPUs`;
  return { ...result, window, cpu };
}

function newestProfile(since: number): string | undefined {
  const files = readdirSync(tmpdir()).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(tmpdir(), f));
  return files.filter((f) => statSync(f).mtimeMs >= since).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

async function main(): Promise<void> {
  if (!root) ensureBuilt();
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
      (Object.keys(extraEnv).length ? `, ${JSON.stringify(extraEnv)}` : '') +
      (root ? `, services from ${root}` : '') +
      `, load average ${load()}`,
  );
  try {
    await db.connect();
    const counts = String(args.instances).split(',').map(Number);
    for (const n of counts) {
      while (running.length < n) running.push(await startBenchService('requests', env, { extraEnv, root, instance: `-${running.length + 1}` }));
      report(`${n} instance${n > 1 ? 's' : ''}`, await measure(running, next, db));
    }
    await stopAll();

    if (!args['no-profile']) {
      // One instance again, profiled (V8 --cpu-prof slows it a little), and the database's view.
      process.env.BENCH_PROFILE = 'requests';
      const since = Date.now();
      running.push(await startBenchService('requests', env, { extraEnv, root, instance: '-profiled' }));
      const before = await dbCounters(db);
      const result = await measure(running, next, db);
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
    console.log(`load average at the end ${load()}`);
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
