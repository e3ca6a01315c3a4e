// `npm run bench:pipeline`: end-to-end latency of capmatch, from the moment POST /v1/requests
// answers to the moment the request's suggestions are readable from the matching service,
// with 10,000 open offers loaded. By default it starts the three BUILT services itself on
// spare loopback ports with their own database (capmatch_bench_pipeline, recreated) and queue prefix;
// --external measures already running services (REQUESTS_URL, OFFERS_URL, MATCHING_URL).
//
//   npm run bench:pipeline -- [--rate 50] [--seconds 30] [--offers 10000] [--requests 0] [--offer-rate 0]
//                             [--offer-burst 0] [--poll-ms 5] [--max-polls 16] [--external]
//
// --requests N preloads N open requests (after the offers, before the measured phase).
// --offer-rate R adds R offer changes per second during the measured phase (churn.ts: new,
// edited, withdrawn), and prints offer event → suggestions updated and matching's events/s.
// --offer-burst N then fires N offer changes at once (32 in flight) and prints how fast
// matching drained their events.
//
// Goals: p95 ≤ 250 ms at 50 submissions per second (issue 7); with 20 offer changes/s as well,
// p95 ≤ 250 ms for both latencies, with 5,000 open requests loaded; a burst of 1,000 offer
// changes drained at ≥ 200 events/s (issue 16).
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CapmatchClient, serviceUrlsFromEnv } from '../scripts/lib/capmatch-client';
import { TokenBook, developmentSecret } from '../scripts/lib/dev-tokens';
import { waitForQuiet } from '../test/support/quiet';
import { churnOffers, databaseNow, matchingThroughput } from './pipeline/churn';
import { loadOffers, loadRequests } from './pipeline/load';
import { measure } from './pipeline/measure';
import { ensureBuilt, freshEnvironment, startServices, type RunningServices } from './pipeline/services';
import { formatSummary, summarise } from './pipeline/stats';

const { values: args } = parseArgs({
  options: {
    rate: { type: 'string', default: process.env.BENCH_RATE ?? '50' },
    seconds: { type: 'string', default: process.env.BENCH_SECONDS ?? '30' },
    offers: { type: 'string', default: process.env.BENCH_OFFERS ?? '10000' },
    requests: { type: 'string', default: process.env.BENCH_REQUESTS ?? '0' },
    'offer-rate': { type: 'string', default: process.env.BENCH_OFFER_RATE ?? '0' },
    'offer-burst': { type: 'string', default: process.env.BENCH_OFFER_BURST ?? '0' },
    'poll-ms': { type: 'string', default: process.env.BENCH_POLL_MS ?? '5' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP_SECONDS ?? '3' },
    'max-polls': { type: 'string', default: process.env.BENCH_MAX_POLLS ?? '16' },
    external: { type: 'boolean', default: process.env.BENCH_EXTERNAL === '1' },
  },
});

function bounded(name: string, raw: string, min: number, max: number): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    process.stderr.write(`--${name} must be a number from ${min} to ${max} (got ${raw})\n`);
    process.exit(2);
  }
  return n;
}

const RATE = bounded('rate', args.rate, 1, 1000);
const SECONDS = bounded('seconds', args.seconds, 1, 600);
const OFFERS = Math.round(bounded('offers', args.offers, 0, 100_000));
const REQUESTS = Math.round(bounded('requests', args.requests, 0, 100_000));
const OFFER_RATE = bounded('offer-rate', args['offer-rate'], 0, 1000);
const OFFER_BURST = Math.round(bounded('offer-burst', args['offer-burst'], 0, 100_000));
const POLL_MS = bounded('poll-ms', args['poll-ms'], 1, 1000);
const WARMUP = bounded('warmup', args.warmup, 0, 60);
const MAX_POLLS = Math.round(bounded('max-polls', args['max-polls'], 1, 256));
// Not plain capmatch_bench: bench:bus drops that one when it finishes, even under a running bench.
const DATABASE = 'capmatch_bench_pipeline';
const PREFIX = '{capmatch-bench-pipeline}';

async function main(): Promise<void> {
  let services: RunningServices | undefined;
  const stopOnSignal = () => void services?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    let client: CapmatchClient;
    let tokens: TokenBook;
    let quiet: Parameters<typeof waitForQuiet>[0];
    if (args.external) {
      client = new CapmatchClient(serviceUrlsFromEnv());
      tokens = new TokenBook(developmentSecret());
      quiet = { prefix: process.env.QUEUE_PREFIX || '{capmatch}', databaseUrl: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/capmatch' };
      for (const url of Object.values(client.urls)) {
        if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(url)) throw new Error(`only loopback services may be benchmarked, got ${url}`);
      }
    } else {
      ensureBuilt();
      const env = await freshEnvironment(DATABASE, PREFIX);
      process.stderr.write(`starting the built services on database ${DATABASE}, queue prefix ${PREFIX}\n`);
      services = await startServices(env);
      client = new CapmatchClient(services.urls);
      tokens = new TokenBook(env.jwtSecret);
      quiet = { prefix: env.queuePrefix, databaseUrl: env.databaseUrl, redisUrl: env.redisUrl };
    }
    await client.assertReady();

    const loaded = await loadOffers(client, tokens, OFFERS);
    process.stderr.write('waiting for matching to digest the offers...\n');
    await waitForQuiet({ ...quiet, timeoutMs: 600_000, intervalMs: 200 });
    const preloaded = await loadRequests(client, tokens, REQUESTS);
    if (REQUESTS > 0) await waitForQuiet({ ...quiet, timeoutMs: 600_000, intervalMs: 200 });

    if (WARMUP > 0) {
      process.stderr.write(`warm-up: ${WARMUP} s at ${RATE}/s (not counted)\n`);
      await measure(client, tokens, { rate: RATE, seconds: WARMUP, pollMs: POLL_MS, timeoutMs: 5000, seed: 99, maxPollsInFlight: MAX_POLLS });
      await waitForQuiet({ ...quiet, timeoutMs: 120_000 });
    }
    process.stderr.write(`measuring: ${SECONDS} s at ${RATE} requests/s${OFFER_RATE > 0 ? ` and ${OFFER_RATE} offer changes/s` : ''}\n`);
    const since = await databaseNow(quiet.databaseUrl as string);
    const measureStart = performance.now();
    const [m, churn] = await Promise.all([
      measure(client, tokens, { rate: RATE, seconds: SECONDS, pollMs: POLL_MS, timeoutMs: 10_000, seed: 42, maxPollsInFlight: MAX_POLLS }),
      churnOffers(client, tokens, loaded, { rate: OFFER_RATE, seconds: SECONDS, pollMs: POLL_MS, timeoutMs: 10_000, seed: 43, databaseUrl: quiet.databaseUrl as string }),
    ]);
    // Whatever matching has not done yet is still queued: wait for it, to know its throughput.
    await waitForQuiet({ ...quiet, timeoutMs: 600_000, intervalMs: 100 });
    const drainedSeconds = (performance.now() - measureStart) / 1000;

    const visible = summarise(m.visible);
    const offerApplied = summarise(churn.applied);
    const processed = await matchingThroughput(quiet.databaseUrl as string, since);
    const loadDuring = loadavg();
    const burstLines: string[] = [];
    if (OFFER_BURST > 0) {
      process.stderr.write(`burst: ${OFFER_BURST} offer changes, 32 in flight\n`);
      const burstSince = await databaseNow(quiet.databaseUrl as string);
      const burstStart = performance.now();
      const burst = await churnOffers(client, tokens, loaded, {
        rate: 32, burst: OFFER_BURST, seconds: 0, pollMs: POLL_MS, timeoutMs: 60_000, seed: 44, databaseUrl: quiet.databaseUrl as string,
      });
      const answeredSeconds = (performance.now() - burstStart) / 1000;
      await waitForQuiet({ ...quiet, timeoutMs: 600_000, intervalMs: 100 });
      const drained = await matchingThroughput(quiet.databaseUrl as string, burstSince, 'offer.%');
      burstLines.push(
        `offer burst: ${OFFER_BURST} changes (${Object.entries(burst.changes).map(([k, v]) => `${k} ${v}`).join(', ')}), answered by the offers service in ` +
          `${answeredSeconds.toFixed(1)} s (${(OFFER_BURST / answeredSeconds).toFixed(0)}/s); not applied within 60 s: ${burst.unapplied}; ` +
          `errors: ${burst.errors.size === 0 ? 'none' : [...burst.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
        `matching handled ${drained.events} offer events in ${drained.seconds.toFixed(1)} s from the burst's start: ${(drained.events / drained.seconds).toFixed(1)} events/s ` +
          `(goal ≥ 200: ${drained.events / drained.seconds >= 200 && OFFER_BURST >= 1000 ? 'MET' : 'NOT MET'})`,
        formatSummary('burst: offer change answered → suggestions updated', summarise(burst.applied)),
      );
    }
    const churnLines = OFFER_RATE === 0 ? [] : [
      `offer changes at a target of ${OFFER_RATE}/s: ${Object.entries(churn.changes).map(([k, v]) => `${k} ${v}`).join(', ')}; ` +
        `not applied within 10 s: ${churn.unapplied}; errors: ${churn.errors.size === 0 ? 'none' : [...churn.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
      formatSummary('offer change answered → suggestions updated', offerApplied),
      `goal p95 ≤ 250 ms for both at 50 requests/s + 20 offer changes/s, 10,000 offers and 5,000 requests loaded: ` +
        `${visible.p95 <= 250 && offerApplied.p95 <= 250 && RATE >= 50 && OFFER_RATE >= 20 && OFFERS >= 10_000 && REQUESTS >= 5000 ? 'MET' : 'NOT MET'}`,
    ];
    const out = [
      '',
      `capmatch pipeline benchmark — ${args.external ? 'external services' : 'built services started by the bench'}, ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), node ${process.version}`,
      `load average at the end of the measured phase: ${loadDuring.map((l) => l.toFixed(2)).join(', ')}`,
      `open offers loaded: ${loaded.offers} (from ${loaded.providers} providers, loaded at ${loaded.perSecond.toFixed(0)}/s); ` +
        `open requests preloaded: ${preloaded.requests}${preloaded.requests > 0 ? ` (at ${preloaded.perSecond.toFixed(0)}/s)` : ''}; poll interval ${POLL_MS} ms backing off to 5 % of the wait, at most ${MAX_POLLS} polls in flight`,
      `submitted ${m.submitted} requests at a target of ${RATE}/s over ${SECONDS} s: sustained ${(m.submitted / (m.submitPhaseMs / 1000)).toFixed(1)} submissions/s ` +
        `(max schedule lag ${m.maxScheduleLagMs.toFixed(1)} ms); queues quiet after ${drainedSeconds.toFixed(1)} s, ` +
        `i.e. the pipeline processed ${(m.submitted / drainedSeconds).toFixed(1)} requests/s`,
      formatSummary('POST answered → suggestions readable', visible),
      formatSummary('POST /v1/requests round trip', summarise(m.post)),
      formatSummary('server clocks: request → first suggestion', summarise(m.server)),
      `polls per request: ${(m.polls / Math.max(1, m.submitted)).toFixed(1)}; no suggestion within 10 s: ${m.noSuggestion}; ` +
        `errors: ${m.errors.size === 0 ? 'none' : [...m.errors].map(([k, v]) => `${k} ×${v}`).join(', ')}`,
      `goal p95 ≤ 250 ms at 50/s: ${visible.p95 <= 250 && RATE >= 50 ? 'MET' : 'NOT MET'} (p95 ${visible.p95.toFixed(1)} ms at ${RATE}/s)`,
      ...churnLines,
      `matching processed ${processed.events} events in ${processed.seconds.toFixed(1)} s from the start of the measured phase: ${(processed.events / processed.seconds).toFixed(1)} events/s`,
      ...burstLines,
      '',
    ];
    process.stdout.write(out.join('\n'));
    if (services) process.stderr.write(`service logs: ${services.logs.join(', ')}\n`);
  } finally {
    await services?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`\nbench:pipeline failed: ${(error as Error)?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
