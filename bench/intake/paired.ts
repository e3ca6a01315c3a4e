/**
 * bench:intake for two builds at once, so that both see the same machine: one instance of the
 * requests service from `--root`'s dist ("before") and one from this checkout's dist ("after"),
 * each with its own database and queue prefix, loaded at the same moment by the same number of
 * callers. On a machine shared with other work, sequential runs of the same code differ by more
 * than a change is worth; two services measured in the same seconds share whatever else runs.
 *
 *   node -r @swc-node/register bench/intake/paired.ts --root /path/to/before [--rounds 3 --seconds 15 --concurrency 32]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { Client } from 'pg';
import { bodies } from './bodies';
import { cpuPerCreate, sampleCpu } from './cpu';
import { runLoad, type LoadResult } from './load';
import { freshEnvironment, startBenchService } from '../pipeline/services';
import { summarise } from '../pipeline/stats';
import type { ChildService } from '../../test/support/child-service';

const { values: args } = parseArgs({
  options: {
    root: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '32' },
  },
});
if (!args.root) throw new Error('--root <checkout with the "before" dist> is required');

interface Side {
  label: string;
  service: ChildService;
  db: Client;
  next: Awaited<ReturnType<typeof bodies>>;
}

async function side(label: string, database: string, root: string | undefined): Promise<Side> {
  const env = await freshEnvironment(database, `{capmatch-bench-${label}}`);
  const service = await startBenchService('requests', env, { root, instance: `-${label}` });
  const db = new Client({ connectionString: env.databaseUrl });
  await db.connect();
  return { label, service, db, next: await bodies(env) };
}

const load = (s: Side, seconds: number) =>
  runLoad({ urls: [s.service.url], path: '/v1/requests', seconds, concurrency: Number(args.concurrency), next: s.next, idempotencyKeys: true });

async function main(): Promise<void> {
  const sides = [await side('before', 'capmatch_bench_intake_before', args.root), await side('after', 'capmatch_bench_intake_after', undefined)];
  console.log(`paired intake: before = ${args.root}, after = this checkout; ${args.concurrency} callers each, ${args.seconds} s, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  try {
    for (let round = 1; round <= Number(args.rounds); round++) {
      await Promise.all(sides.map((s) => load(s, Number(args.warmup))));
      const from = await Promise.all(sides.map((s) => sampleCpu(s.db, [s.service.process.pid!])));
      const results: LoadResult[] = await Promise.all(sides.map((s) => load(s, Number(args.seconds))));
      const to = await Promise.all(sides.map((s) => sampleCpu(s.db, [s.service.process.pid!])));
      sides.forEach((s, i) => {
        const per = cpuPerCreate(from[i], to[i], results[i].created);
        const p = summarise(results[i].latencies);
        console.log(
          `round ${round} ${s.label.padEnd(6)} ${(results[i].created / results[i].seconds).toFixed(0).padStart(5)} creates/s, p99 ${p.p99.toFixed(0)} ms; ` +
            `CPU per create: service ${per.service.toFixed(3)} ms (main thread ${per.serviceMain.toFixed(3)}), Postgres ${per.postgres.toFixed(3)} ms` +
            (results[i].failures.size ? `; other answers: ${[...results[i].failures].map(([k, n]) => `${k}: ${n}`).join(', ')}` : ''),
        );
      });
      console.log(`        load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
    }
  } finally {
    for (const s of sides) {
      await s.service.stop();
      await s.db.end().catch(() => undefined);
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
