// Where a create's time goes, from two angles: the CPU profile of a requests instance under load
// (every sample charged to the innermost frame that belongs to a known part), and the rows and
// transactions Postgres saw per create (pg_stat_* counters before and after the load).
import { readFileSync } from 'node:fs';
import type { Client } from 'pg';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The monotonic clock V8 stamps profiles with (µs), shared by the processes of this machine. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * The parts of a create, most specific first: a sample belongs to the first part that has a
 * frame anywhere on its stack, so the socket write of the outbox's INSERT counts as outbox and
 * the one of the idempotency claim as idempotency (an async continuation, such as parsing a
 * Postgres answer, only has the driver on its stack).
 */
const PARTS: [string, RegExp][] = [
  ['validation (ValidationPipe, class-validator)', /class-validator|class-transformer|validator\/lib|validation\.pipe|create-request\.dto|request\.validators/],
  ['idempotency (fingerprint, claim and completion SQL)', /platform\/src\/idempotency\//],
  ['authentication (JWT verify)', /\/jose\/|auth\.guard|token-verifier/],
  ['rate limit (throttler, Redis round trip)', /throttler|ioredis|redis-parser|caller-throttler/],
  ['outbox (event and its INSERT)', /bus\/outbox\.service/],
  ['request row and history (mapping, TypeORM, INSERTs, BEGIN/COMMIT)', /apps\/requests\//],
  ['Postgres driver and TypeORM (statements sent from async continuations, answers read)', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|typeorm)\//],
  ['logging (pino)', /pino|sonic-boom|logger-options/],
  ['metrics (prom-client)', /prom-client|http-metrics/],
  ['HTTP and Nest framework (express, body parsing, rxjs)', /express|@nestjs|body-parser|raw-body|router|finalhandler|rxjs|on-finished|platform\/src\/http\//],
  ['node http, net and streams', /node:_http|node:net|node:internal\/(http|streams?|stream_base)|node:stream/],
];

/** Shares of the samples taken within [from, to] (µs, monotonicMicros), start-up and shutdown left out. */
export function profileBreakdown(file: string, from: number, to: number): { part: string; share: number }[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const memo = new Map<number, string>();
  const partOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    let part: string | undefined;
    const leaf = byId.get(id)!.callFrame.functionName;
    if (leaf === '(garbage collector)') part = 'garbage collection';
    else if (leaf === '(idle)') part = 'idle (waiting for Postgres, Redis or clients)';
    if (!part) {
      const urls: string[] = [];
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) urls.push(byId.get(at)!.callFrame.url);
      part = PARTS.find(([, pattern]) => urls.some((url) => pattern.test(url)))?.[0];
    }
    memo.set(id, part ?? 'other');
    return part ?? 'other';
  };
  const totals = new Map<string, number>();
  let all = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (at < from || at > to) return;
    totals.set(partOf(id), (totals.get(partOf(id)) ?? 0) + dt);
    all += dt;
  });
  if (all === 0) throw new Error(`no profile samples between ${from} and ${to} µs (clock mismatch?)`);
  return [...totals].map(([part, t]) => ({ part, share: t / all })).sort((a, b) => b.share - a.share);
}

export interface DbCounters {
  commits: number;
  tables: Map<string, { inserted: number; updated: number; deleted: number }>;
}

export async function dbCounters(db: Client): Promise<DbCounters> {
  const { rows: [stat] } = await db.query('SELECT xact_commit::bigint AS commits FROM pg_stat_database WHERE datname = current_database()');
  const { rows } = await db.query(
    `SELECT schemaname || '.' || relname AS name, n_tup_ins::bigint AS ins, n_tup_upd::bigint AS upd, n_tup_del::bigint AS del
       FROM pg_stat_user_tables WHERE schemaname = 'requests'`,
  );
  return {
    commits: Number(stat.commits),
    tables: new Map(rows.map((r) => [r.name as string, { inserted: Number(r.ins), updated: Number(r.upd), deleted: Number(r.del) }])),
  };
}

/** Per create: commits and the row writes of every requests table that changed. */
export function perCreate(before: DbCounters, after: DbCounters, creates: number): string[] {
  const lines = [`transactions committed: ${((after.commits - before.commits) / creates).toFixed(2)} per create (all clients of the database)`];
  for (const [name, now] of after.tables) {
    const then = before.tables.get(name) ?? { inserted: 0, updated: 0, deleted: 0 };
    const d = { ins: now.inserted - then.inserted, upd: now.updated - then.updated, del: now.deleted - then.deleted };
    if (d.ins + d.upd + d.del === 0) continue;
    lines.push(`${name.padEnd(28)} inserted ${(d.ins / creates).toFixed(2)}, updated ${(d.upd / creates).toFixed(2)}, deleted ${(d.del / creates).toFixed(2)} per create`);
  }
  return lines;
}
