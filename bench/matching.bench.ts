import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bruteForceMatch, MatchingEngine, type MatchOffer, type MatchRequest, type Suggestion } from '@capmatch/engine';
import { makeOffer, makeRequest } from './matching-world';
import { rng } from './support/random';

// Matching engine benchmark (issue 6). Prints figures only; goals on the 2-core reference
// machine: fast path ≥ 20× brute force per request with identical top-5, full rebuild of
// 10,000 × 10,000 ≤ 2 s, one new request against 100,000 offers p99 ≤ 10 ms, ≤ 1 GB RSS.
// CPU time is printed beside wall time because the machine may be shared: wall time then
// includes waiting for a core.

const SEED = Number(process.env.BENCH_SEED ?? 78311);
// Requests the brute-force reference is run on (it takes ~0.6 s of CPU each); fewer on a
// crowded machine, where the ratio and the identity check still hold on the sample.
const BRUTE_SAMPLE = Number(process.env.BENCH_BRUTE_SAMPLE ?? 500);
const TOP_K = 5;
const ms = (t: number): string => `${t.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const load = (): string => loadavg().map((x) => x.toFixed(1)).join(' ');

function world(seed: number, requests: number, offers: number): { requests: MatchRequest[]; offers: MatchOffer[] } {
  const rand = rng(seed);
  const facilitatorShare = 0.05 + rand() * 0.1;
  return {
    offers: Array.from({ length: offers }, (_, i) => makeOffer(rand, `o-${seed}-${i}`, facilitatorShare)),
    requests: Array.from({ length: requests }, (_, i) => makeRequest(rand, `r-${seed}-${i}`)),
  };
}

/** Wall and CPU (user + system, all threads) milliseconds of fn. */
function timed<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { value, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

function engineWith(offers: readonly MatchOffer[]): MatchingEngine {
  const engine = new MatchingEngine({ topK: TOP_K });
  const built = timed(() => offers.forEach((o) => engine.upsertOffer(o)));
  console.log(`    index build: ${ms(built.wall)} wall, ${ms(built.cpu)} cpu (${((1000 * built.wall) / offers.length).toFixed(1)} µs per upsert)`);
  return engine;
}

const same = (a: readonly Suggestion[] | undefined, b: readonly Suggestion[]): boolean => JSON.stringify(a) === JSON.stringify(b);

function fullRebuild(): void {
  console.log('\n(1) full rebuild: top-5 for 10,000 open requests vs 10,000 open offers');
  const w = world(SEED, 10_000, 10_000);
  const facilitators = w.offers.filter((o) => o.role === 'facilitator').length;
  console.log(`    world: ${w.offers.length} offers (${((100 * facilitators) / w.offers.length).toFixed(1)}% facilitators), ${w.requests.length} requests, seed ${SEED}`);
  const engine = engineWith(w.offers);
  engine.matchAll(w.requests.slice(0, 500)); // JIT warm-up on a slice, not timed
  // Three rebuilds: the first still pays for JIT tiers and heap growth, which a running
  // service has behind it; the median is the figure compared with brute force.
  const runs = [0, 1, 2].map(() => timed(() => engine.matchAll(w.requests)));
  runs.forEach((run, i) => {
    console.log(`    fast path, rebuild ${i + 1}: ${ms(run.wall)} wall, ${ms(run.cpu)} cpu (${((1000 * run.wall) / w.requests.length).toFixed(0)} µs per request)`);
  });
  const fast = [...runs].sort((a, b) => a.wall - b.wall)[1];
  const lists = [...fast.value.values()];
  const all = lists.flat();
  const triangular = all.filter((s) => s.cooperationType === 'triangular').length;
  console.log(`    suggestions: ${all.length} (${triangular} triangular); ${lists.filter((l) => l.length === 0).length} requests with none`);
  const ties = lists.filter((l) => l.length > 1 && new Set(l.map((s) => s.score)).size < l.length).length;
  console.log(`    distinct scores: ${new Set(all.map((s) => s.score)).size}; requests with a tie inside their top-5: ${ties}`);

  const rand = rng(SEED + 1);
  const sample = Array.from({ length: BRUTE_SAMPLE }, () => w.requests[Math.floor(rand() * w.requests.length)]);
  const brute = timed(() => sample.map((r) => bruteForceMatch(r, w.offers)));
  const identical = sample.filter((r, i) => same(fast.value.get(r.id), brute.value[i])).length;
  const perFast = fast.cpu / w.requests.length;
  const perBrute = brute.cpu / sample.length;
  console.log(`    brute force, ${sample.length} sampled requests: ${ms(brute.wall)} wall, ${ms(brute.cpu)} cpu (${ms(brute.wall / sample.length)} per request)`);
  console.log(`    identical top-5: ${identical}/${sample.length}${identical === sample.length ? '' : '  <-- MISMATCH'}`);
  console.log(`    speed ratio per request (cpu): ${(perBrute / perFast).toFixed(0)}x; (wall): ${(brute.wall / sample.length / (fast.wall / w.requests.length)).toFixed(0)}x`);

  const changed = makeOffer(rng(SEED + 2), 'o-changed', 0);
  const affected = timed(() => engine.requestsAffectedBy(changed, w.requests));
  console.log(`    requestsAffectedBy(one offer, 10,000 requests): ${ms(affected.wall)}, ${affected.value.length} requests`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function incremental(): void {
  console.log('\n(2) incremental: one new request against 100,000 open offers, 1,000 requests');
  const w = world(SEED + 3, 1_000, 100_000);
  const engine = engineWith(w.offers);
  for (const r of w.requests.slice(0, 100)) engine.matchRequest(r); // warm-up, not timed
  const runs = w.requests.map((r) => timed(() => engine.matchRequest(r)));
  const wall = runs.map((x) => x.wall).sort((a, b) => a - b);
  const cpu = runs.map((x) => x.cpu).sort((a, b) => a - b);
  console.log(`    matchRequest wall: p50 ${ms(percentile(wall, 50))}, p99 ${ms(percentile(wall, 99))}, max ${ms(wall[wall.length - 1])}`);
  console.log(`    matchRequest cpu:  p50 ${ms(percentile(cpu, 50))}, p99 ${ms(percentile(cpu, 99))}, max ${ms(cpu[cpu.length - 1])}`);
  const churn = timed(() => {
    for (let i = 0; i < 1000; i++) engine.upsertOffer({ ...w.offers[i], remainingSlots: 9 });
    for (let i = 1000; i < 2000; i++) engine.removeOffer(w.offers[i].id);
  });
  console.log(`    1,000 offer updates + 1,000 removals: ${ms(churn.wall)}`);
  global.gc?.();
  const mem = process.memoryUsage();
  console.log(`\n(3) memory with ${engine.offerCount.toLocaleString('en-US')} offers indexed (this process holds the 100,000 offers and the index)`);
  console.log(`    heap used: ${mb(mem.heapUsed)}; RSS now: ${mb(mem.rss)}; peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

// Each part runs in a fresh child: the RSS figure is then that of the 100,000-offer index
// alone, and neither part inherits the other's heap. A 64 MB young generation is how the
// matching service should run the engine too: a rebuild allocates ~50,000 explained
// suggestions, and larger semi-spaces cut the scavenges that copy them.
const NODE_FLAGS = ['--max-semi-space-size=64', '--expose-gc'];

function runPart(part: string): void {
  const args = [...process.execArgv, ...NODE_FLAGS, __filename, `--part=${part}`];
  process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }));
}

const part = process.argv.find((a) => a.startsWith('--part='))?.slice('--part='.length);
if (part === 'rebuild') fullRebuild();
else if (part === 'incremental') incremental();
else {
  console.log(`matching engine benchmark (node ${process.version}, top-${TOP_K}, ${NODE_FLAGS[0]}); load average ${load()}`);
  runPart('rebuild');
  runPart('incremental');
  console.log(`\nload average at the end ${load()}`);
}
