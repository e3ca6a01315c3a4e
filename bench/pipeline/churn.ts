// The offer churn of the pipeline benchmark (`--offer-rate`): a stream of offer changes on a
// fixed schedule while requests are submitted, a mix of new offers, edits and withdrawals.
// An edit either touches only the description (nothing a score or rule reads) or the budget.
//
// Offer event → suggestions updated: from the moment the offers service answers the change
// to the moment matching's projection of that offer holds its version. Matching projects an
// offer and re-ranks the requests it affects in one transaction, so the row's version is
// visible exactly when the suggestions it changed are.
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { CapmatchClient } from '../../scripts/lib/capmatch-client';
import type { TokenBook } from '../../scripts/lib/dev-tokens';
import { rng } from '../support/random';
import type { Loaded } from './load';
import { offer as syntheticOffer } from './synthetic';

export type OfferChange = 'new' | 'edit-description' | 'edit-budget' | 'withdraw';

export interface ChurnOptions {
  /** Changes per second on a fixed schedule; with `burst`, the number of changes in flight at once instead. */
  rate: number;
  /** Fire this many changes as fast as the offers service takes them (`--offer-burst`), instead of `rate × seconds`. */
  burst?: number;
  seconds: number;
  pollMs: number;
  timeoutMs: number;
  seed: number;
  databaseUrl: string;
}

export interface ChurnMeasurement {
  changes: Record<OfferChange, number>;
  /** Offers service answered → matching's projection holds the new version. */
  applied: number[];
  /** Changes matching had not applied within the timeout. */
  unapplied: number;
  errors: Map<string, number>;
}

/** The mix: 30 % new, 25 % description-only edits, 25 % budget edits, 20 % withdrawals. */
function nextChange(roll: number): OfferChange {
  if (roll < 0.3) return 'new';
  if (roll < 0.55) return 'edit-description';
  if (roll < 0.8) return 'edit-budget';
  return 'withdraw';
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Watches matching's offer projections for the versions the offers service answered, with one
 * query per interval for every change still pending.
 */
class ProjectionWatch {
  private readonly pending = new Map<string, { version: number; answered: number; resolve: (ms: number | null) => void }>();
  private stopped = false;
  private readonly loop: Promise<void>;

  constructor(private readonly db: Client, private readonly pollMs: number, private readonly timeoutMs: number) {
    this.loop = this.run();
  }

  /** Resolves with the latency once the projection reaches `version`, or null after the timeout. */
  wait(id: string, version: number, answered: number): Promise<number | null> {
    return new Promise((resolve) => this.pending.set(`${id}:${version}`, { version, answered, resolve }));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped || this.pending.size > 0) {
      if (this.pending.size > 0) {
        const ids = [...new Set([...this.pending.keys()].map((k) => k.split(':')[0]))];
        const { rows } = await this.db.query<{ id: string; version: number }>(
          'SELECT id, version FROM matching.offer_projections WHERE id = ANY($1::uuid[])',
          [ids],
        );
        const seen = performance.now();
        const versions = new Map(rows.map((r) => [r.id, r.version]));
        for (const [key, p] of this.pending) {
          const id = key.split(':')[0];
          if ((versions.get(id) ?? 0) >= p.version) p.resolve(seen - p.answered);
          else if (seen - p.answered > this.timeoutMs) p.resolve(null);
          else continue;
          this.pending.delete(key);
        }
      }
      await sleep(this.pollMs);
    }
  }
}

export async function churnOffers(client: CapmatchClient, tokens: TokenBook, loaded: Loaded, opts: ChurnOptions): Promise<ChurnMeasurement> {
  const m: ChurnMeasurement = {
    changes: { new: 0, 'edit-description': 0, 'edit-budget': 0, withdraw: 0 },
    applied: [],
    unapplied: 0,
    errors: new Map(),
  };
  if (opts.rate <= 0 || loaded.providerList.length === 0) return m;
  const fail = (what: string): void => void m.errors.set(what, (m.errors.get(what) ?? 0) + 1);
  const r = rng(opts.seed);
  // Offers open to edits and withdrawals; one change at a time per offer (edits of one offer
  // race on its version otherwise), so an offer being changed leaves the pool until answered.
  const editable = loaded.created.map((c) => ({ id: c.id, providerId: c.provider.id, body: c.body }));
  const db = new Client({ connectionString: opts.databaseUrl });
  await db.connect();
  const watch = new ProjectionWatch(db, opts.pollMs, opts.timeoutMs);

  const one = async (i: number, answeredCall: () => void): Promise<void> => {
    let kind = nextChange(r());
    if (kind !== 'new' && editable.length === 0) kind = 'new';
    let res: { status: number; body: { id: string; version: number } };
    let back: (typeof editable)[number] | undefined;
    if (kind === 'new') {
      const provider = loaded.providerList[Math.floor(r() * loaded.providerList.length)];
      const body = syntheticOffer(r, provider, loaded.created.length + i);
      res = await client.call('offers', 'POST', '/v1/offers', { token: await tokens.donor(provider.id), body, retries429: 0 });
      if (res.status === 201) back = { id: res.body.id, providerId: provider.id, body };
    } else {
      const target = editable.splice(Math.floor(r() * editable.length), 1)[0];
      const token = await tokens.donor(target.providerId);
      const path = `/v1/offers/${target.id}`;
      if (kind === 'withdraw') {
        res = await client.call('offers', 'POST', `${path}/withdraw`, { token, body: { reason: 'Bench churn' }, retries429: 0 });
      } else {
        const body = kind === 'edit-description'
          ? { description: `Synthetic offer loaded by the pipeline benchmark, edited (${i}).` }
          : { budgetUsd: Math.round(20_000 + r() * 980_000) };
        res = await client.call('offers', 'PATCH', path, { token, body, retries429: 0 });
        back = target;
      }
    }
    const answered = performance.now();
    answeredCall();
    m.changes[kind]++;
    const ok = kind === 'new' ? 201 : 200;
    if (res.status !== ok) {
      if (back && kind !== 'new') editable.push(back);
      return fail(`${kind} ${res.status}`);
    }
    // Later runs (the burst after the measured phase) start from what is still open.
    if (kind === 'withdraw') {
      const at = loaded.created.findIndex((c) => c.id === res.body.id);
      if (at >= 0) loaded.created.splice(at, 1);
    }
    const latency = await watch.wait(res.body.id, res.body.version, answered);
    if (back) editable.push(back);
    if (latency === null) m.unapplied++;
    else m.applied.push(latency);
  };

  const total = opts.burst ?? Math.max(1, Math.round(opts.rate * opts.seconds));
  const interval = opts.burst === undefined ? 1000 / opts.rate : 0;
  const started = performance.now();
  const running: Promise<void>[] = [];
  let inFlight = 0;
  let freed: (() => void) | undefined;
  try {
    for (let i = 0; i < total; i++) {
      // A burst keeps `rate` changes in flight (the offers service is the producer's limit).
      while (opts.burst !== undefined && inFlight >= opts.rate) await new Promise<void>((r) => (freed = r));
      const wait = started + i * interval - performance.now();
      if (wait > 0) await sleep(wait);
      // A burst counts only calls to the offers service in flight, not changes awaiting matching.
      let counted = true;
      const release = (): void => {
        if (!counted) return;
        counted = false;
        inFlight--;
        freed?.();
      };
      inFlight++;
      running.push(one(i, release).catch((e: Error) => fail(`exception ${e.message}`)).finally(release));
    }
    await Promise.all(running);
  } finally {
    await watch.stop();
    await db.end();
  }
  return m;
}

/**
 * Events matching's inbox recorded since `since` (a database timestamp), and the span they took
 * (from `since` to the last); `types` LIKE pattern, e.g. 'offer.%'.
 */
export async function matchingThroughput(databaseUrl: string, since: string, types = '%'): Promise<{ events: number; seconds: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ events: number; seconds: number | null }>(
      `SELECT count(*)::int AS events, EXTRACT(EPOCH FROM max(handled_at) - $1::timestamptz)::float AS seconds
       FROM matching.inbox WHERE handled_at >= $1::timestamptz AND event_type LIKE $2`,
      [since, types],
    );
    return { events: rows[0].events, seconds: Math.max(0.001, rows[0].seconds ?? 0) };
  } finally {
    await db.end();
  }
}

/** The database's clock now, to count inbox rows from. */
export async function databaseNow(databaseUrl: string): Promise<string> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ now: string }>('SELECT now()::text AS now');
    return rows[0].now;
  } finally {
    await db.end();
  }
}
