// Closed-loop HTTP load for bench:intake: `concurrency` callers, each POSTing the next request
// as soon as its previous one answered, spread round-robin over the service instances, over
// keep-alive connections (node:http, no client library in the way).
import { Agent, request } from 'node:http';
import { randomUUID } from 'node:crypto';

export interface LoadOptions {
  urls: string[];
  path: string;
  seconds: number;
  concurrency: number;
  /** The next body and its bearer token. */
  next(i: number): { body: string; token: string };
  /** Send a fresh Idempotency-Key with every POST (what well-behaved clients do). */
  idempotencyKeys: boolean;
}

export interface LoadResult {
  seconds: number;
  created: number;
  /** Round trips of the 201 answers, ms. */
  latencies: number[];
  /** Every other answer, by status (or the error message). */
  failures: Map<string, number>;
}

function post(agent: Agent, url: URL, path: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: url.hostname, port: url.port, path, method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(body);
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const urls = options.urls.map((u) => new URL(u));
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  let issued = 0;
  const started = performance.now();
  const until = started + options.seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const i = issued++;
      const { body, token } = options.next(i);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (options.idempotencyKeys) headers['idempotency-key'] = randomUUID();
      const t0 = performance.now();
      let outcome: string;
      try {
        const status = await post(agent, urls[i % urls.length], options.path, body, headers);
        outcome = String(status);
      } catch (error) {
        outcome = (error as Error).message;
      }
      if (outcome === '201') latencies.push(performance.now() - t0);
      else failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, caller));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, created: latencies.length, latencies, failures };
}
