// `npm run bench:hostile`: what hostile bodies cost the requests service (issue 11, item 3).
//   1. CPU per rejected wide body: 187 KB with 18,000 unknown keys, POST /v1/requests, measured
//      from the service's own process_cpu_seconds_total, with the size of the 400 it answers.
//   2. p50 of an unrelated GET /v1/taxonomy while four clients keep sending such bodies.
// It starts the requests service from source itself, with its own database
// (capmatch_bench_hostile, recreated) and queue prefix. `--root <checkout>` runs the service of
// another checkout instead, for a "before" figure on older code (e.g. a worktree at cb8b438).
//
//   npm run bench:hostile -- [--bodies 20] [--seconds 10] [--root ../wt-before]
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { signToken } from '@capmatch/platform';
import { freshEnvironment, spawnService } from './pipeline/services';
import { formatSummary, summarise } from './pipeline/stats';

const { values: args } = parseArgs({
  options: {
    bodies: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    root: { type: 'string' },
  },
});
const BODIES = Math.max(1, Number(args.bodies));
const SECONDS = Math.max(1, Number(args.seconds));
const HOSTILE_CLIENTS = 4;

/** The issue's body: ~187 KB, 18,000 unknown keys beside a valid request. */
function wideBody(): string {
  const body: Record<string, unknown> = {
    title: 'Kinyarwanda speech data for public services',
    description: 'Collect and license speech data.',
    language: 'en',
    capacityAreas: ['data'],
    modalities: ['training'],
    deliveryLanguages: ['rw'],
    window: { start: '2027-01-01', end: '2027-12-31' },
  };
  for (let i = 0; i < 18_000; i++) body[`u${i}`] = 0;
  return JSON.stringify(body);
}

async function cpuSeconds(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const match = /^process_cpu_seconds_total (\S+)$/m.exec(text);
  if (!match) throw new Error('process_cpu_seconds_total missing from /metrics');
  return Number(match[1]);
}

async function main(): Promise<void> {
  const env = await freshEnvironment('capmatch_bench_hostile', 'capmatch-bench-hostile');
  const svc = await spawnService('requests', env, { from: 'source', root: args.root ? resolve(args.root) : undefined });
  try {
    const token = await signToken({ role: 'country', country: 'RWA', sub: 'bench-hostile' }, env.jwtSecret);
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const body = wideBody();
    const post = () => fetch(`${svc.url}/v1/requests`, { method: 'POST', headers, body });

    await (await post()).text(); // warm-up
    const before = await cpuSeconds(svc.url);
    let answerBytes = 0;
    let status = 0;
    for (let i = 0; i < BODIES; i++) {
      const res = await post();
      status = res.status;
      answerBytes = (await res.text()).length;
    }
    const cpuMs = ((await cpuSeconds(svc.url)) - before) * 1000;

    const sampleGets = async (): Promise<number[]> => {
      const samples: number[] = [];
      const until = performance.now() + SECONDS * 1000;
      while (performance.now() < until) {
        const t0 = performance.now();
        await (await fetch(`${svc.url}/v1/taxonomy`, { headers })).text();
        samples.push(performance.now() - t0);
      }
      return samples;
    };
    const idle = await sampleGets();

    let running = true;
    const hostile = Array.from({ length: HOSTILE_CLIENTS }, async () => {
      while (running) await (await post()).text();
    });
    const samples = await sampleGets();
    running = false;
    await Promise.all(hostile);

    process.stdout.write(
      [
        `capmatch hostile-body benchmark (${args.root ? `service from ${args.root}` : 'this checkout'})`,
        `wide body: ${(body.length / 1024).toFixed(0)} KB, 18,000 unknown keys -> ${status}, answer ${(answerBytes / 1024).toFixed(1)} KB`,
        `CPU per rejected wide body: ${(cpuMs / BODIES).toFixed(1)} ms (${BODIES} bodies)`,
        formatSummary(`GET /v1/taxonomy, idle, ${SECONDS} s`, summarise(idle)),
        formatSummary(`GET /v1/taxonomy, ${HOSTILE_CLIENTS} hostile clients, ${SECONDS} s`, summarise(samples)),
        '',
      ].join('\n'),
    );
  } finally {
    await svc.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
