import { performance } from 'node:perf_hooks';
import { bruteForceMatch, MatchingEngine, type MatchOffer, type MatchRequest, type Suggestion } from '../apps/matching/src/engine';
import { makeOffer, makeRequest, rng } from './matching-world';

// Matching engine benchmark (issue 6). Prints figures only; goals on the 2-core reference
// machine: fast path ≥ 20× brute force per request with identical top-5, full rebuild of
// 10,000 × 10,000 ≤ 2 s, one new request against 100,000 offers p99 ≤ 10 ms, ≤ 1 GB RSS.

const SEED = Number(process.env.BENCH_SEED ?? 78311);
const TOP_K = 5;
const ms = (t: number): string => `${t.toFixed(1)} ms`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function world(seed: number, requests: number, offers: number): { requests: MatchRequest[]; offers: MatchOffer[] } {
  const rand = rng(seed);
  const facilitatorShare = 0.05 + rand() * 0.1;
  return {
    offers: Array.from({ length: offers }, (_, i) => makeOffer(rand, `o-${seed}-${i}`, facilitatorShare)),
    requests: Array.from({ length: requests }, (_, i) => makeRequest(rand, `r-${seed}-${i}`)),
  };
}

function engineWith(offers: readonly MatchOffer[]): { engine: MatchingEngine; took: number } {
  const engine = new MatchingEngine({ topK: TOP_K });
  const t0 = performance.now();
  for (const o of offers) engine.upsertOffer(o);
  return { engine, took: performance.now() - t0 };
}

const same = (a: Suggestion[] | undefined, b: Suggestion[]): boolean => JSON.stringify(a) === JSON.stringify(b);

function fullRebuild(): void {
  console.log('\n(1) full rebuild: top-5 for 10,000 open requests vs 10,000 open offers');
  const w = world(SEED, 10_000, 10_000);
  const facilitators = w.offers.filter((o) => o.role === 'facilitator').length;
  console.log(`    world: ${w.offers.length} offers (${((100 * facilitators) / w.offers.length).toFixed(1)}% facilitators), ${w.requests.length} requests, seed ${SEED}`);
  const { engine, took } = engineWith(w.offers);
  console.log(`    index build: ${ms(took)}`);
  engine.matchAll(w.requests.slice(0, 500)); // warm-up of the JIT on a slice, not timed
  const t0 = performance.now();
  const fast = engine.matchAll(w.requests);
  const fastTime = performance.now() - t0;
  console.log(`    fast path: ${ms(fastTime)} wall (${((1000 * fastTime) / w.requests.length).toFixed(1)} µs per request)`);
  let suggestions = 0;
  let triangular = 0;
  for (const list of fast.values()) for (const s of list) (suggestions++, s.cooperationType === 'triangular' && triangular++);
  console.log(`    suggestions: ${suggestions} (${triangular} triangular), ${[...fast.values()].filter((l) => l.length === 0).length} requests with none`);

  const rand = rng(SEED + 1);
  const sample = Array.from({ length: 500 }, () => w.requests[Math.floor(rand() * w.requests.length)]);
  const t1 = performance.now();
  const brute = sample.map((r) => bruteForceMatch(r, w.offers));
  const bruteTime = performance.now() - t1;
  const mismatches = sample.filter((r, i) => !same(fast.get(r.id), brute[i])).length;
  const perFast = fastTime / w.requests.length;
  const perBrute = bruteTime / sample.length;
  console.log(`    brute force on 500 sampled requests: ${ms(bruteTime)} (${ms(perBrute)} per request)`);
  console.log(`    identical top-5: ${sample.length - mismatches}/${sample.length}${mismatches ? '  <-- MISMATCH' : ''}`);
  console.log(`    speed ratio per request: ${(perBrute / perFast).toFixed(0)}x`);

  const changed = makeOffer(rng(SEED + 2), 'o-changed', 0);
  const t2 = performance.now();
  const affected = engine.requestsAffectedBy(changed, w.requests);
  console.log(`    requestsAffectedBy(one offer, 10,000 requests): ${ms(performance.now() - t2)}, ${affected.length} requests`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function incremental(): void {
  console.log('\n(2) incremental: one new request against 100,000 open offers, 1,000 requests');
  const w = world(SEED + 3, 1_000, 100_000);
  const before = process.memoryUsage();
  const { engine, took } = engineWith(w.offers);
  console.log(`    index build: ${ms(took)} (${((1000 * took) / w.offers.length).toFixed(1)} µs per upsert)`);
  for (const r of w.requests.slice(0, 100)) engine.matchRequest(r); // warm-up, not timed
  const times = w.requests.map((r) => {
    const t0 = performance.now();
    engine.matchRequest(r);
    return performance.now() - t0;
  });
  times.sort((a, b) => a - b);
  console.log(`    matchRequest: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1])}`);
  const t0 = performance.now();
  for (let i = 0; i < 1000; i++) engine.upsertOffer({ ...w.offers[i], remainingSlots: 9 });
  for (let i = 1000; i < 2000; i++) engine.removeOffer(w.offers[i].id);
  console.log(`    1,000 offer updates + 1,000 removals: ${ms(performance.now() - t0)}`);
  const after = process.memoryUsage();
  console.log('\n(3) memory with 100,000 offers indexed');
  console.log(`    heap used: ${mb(after.heapUsed)} (index and offers: ~${mb(after.heapUsed - before.heapUsed)})`);
  console.log(`    RSS now: ${mb(after.rss)}; peak RSS of the process: ${mb(process.resourceUsage().maxRSS * 1024)}`);
  if (engine.offerCount === 0) console.log('    (index empty)');
}

console.log(`matching engine benchmark (node ${process.version}, top-${TOP_K})`);
fullRebuild();
if (global.gc) global.gc();
incremental();
