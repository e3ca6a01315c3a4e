// The measured part of the pipeline benchmark: requests submitted on a fixed schedule, each
// followed by fast polling of GET /v1/suggestions until its first suggestion is readable.
import { performance } from 'node:perf_hooks';
import type { CapmatchClient } from '../../scripts/lib/capmatch-client';
import type { TokenBook } from '../../scripts/lib/dev-tokens';
import type { Page, Suggestion } from '../../scripts/lib/api-types';
import { rng } from '../support/random';
import { request as syntheticRequest } from './synthetic';

export interface MeasureOptions {
  rate: number;
  seconds: number;
  pollMs: number;
  timeoutMs: number;
  seed: number;
  /** Polls in flight at once over all pending requests. */
  maxPollsInFlight: number;
}

export interface Measurement {
  submitted: number;
  /** POST /v1/requests answered → first suggestion readable by the client (conservative: end of the GET that saw it). */
  visible: number[];
  /** POST /v1/requests round trip. */
  post: number[];
  /** Server clocks: request createdAt → first suggestion createdAt. */
  server: number[];
  errors: Map<string, number>;
  noSuggestion: number;
  polls: number;
  elapsedMs: number;
  /** Submission phase only: from the first scheduled submission to the last POST answered. */
  submitPhaseMs: number;
  maxScheduleLagMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * At most `limit` polls in flight across all pending requests. Without it, a matching service
 * that falls behind gets more polls the further behind it is (every pending request polling
 * every few ms) and the measurement itself drives it into collapse.
 */
class PollGate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

export async function measure(client: CapmatchClient, tokens: TokenBook, opts: MeasureOptions): Promise<Measurement> {
  const r = rng(opts.seed);
  const total = Math.max(1, Math.round(opts.rate * opts.seconds));
  const m: Measurement = {
    submitted: 0, visible: [], post: [], server: [], errors: new Map(), noSuggestion: 0, polls: 0,
    elapsedMs: 0, submitPhaseMs: 0, maxScheduleLagMs: 0,
  };
  const fail = (what: string): void => {
    m.errors.set(what, (m.errors.get(what) ?? 0) + 1);
  };
  let lastPostAnswered = 0;
  const gate = new PollGate(opts.maxPollsInFlight);

  const one = async (i: number): Promise<void> => {
    const { country, body } = syntheticRequest(r, i);
    const token = await tokens.country(country);
    const sent = performance.now();
    const res = await client.call<{ id: string; createdAt: string }>('requests', 'POST', '/v1/requests', { token, body, retries429: 0 });
    const answered = performance.now();
    lastPostAnswered = Math.max(lastPostAnswered, answered);
    m.submitted++;
    if (res.status !== 201) return fail(`POST /v1/requests ${res.status}`);
    m.post.push(answered - sent);
    const path = `/v1/suggestions?requestId=${res.body.id}&limit=5`;
    for (;;) {
      m.polls++;
      const page = await gate.run(() => client.call<Page<Suggestion>>('matching', 'GET', path, { token, retries429: 0 }));
      const seen = performance.now();
      if (page.status !== 200) return fail(`GET /v1/suggestions ${page.status}`);
      if (page.body.items.length > 0) {
        m.visible.push(seen - answered);
        const first = Math.min(...page.body.items.map((s) => Date.parse(s.createdAt)));
        m.server.push(first - Date.parse(res.body.createdAt));
        return;
      }
      if (seen - answered > opts.timeoutMs) {
        m.noSuggestion++;
        return;
      }
      // Poll fast at first, then back off to 5 % of the time waited so far: the error stays
      // within 5 % of the latency (or pollMs) while a backlog does not multiply the polls.
      await sleep(Math.max(opts.pollMs, Math.min(250, (seen - answered) * 0.05)));
    }
  };

  const interval = 1000 / opts.rate;
  const started = performance.now();
  const running: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    m.maxScheduleLagMs = Math.max(m.maxScheduleLagMs, performance.now() - due);
    running.push(one(i).catch((e: Error) => fail(e.name === 'ServiceUnreachableError' ? e.message : `exception ${e.message}`)));
  }
  await Promise.all(running);
  m.elapsedMs = performance.now() - started;
  m.submitPhaseMs = lastPostAnswered - started;
  return m;
}
