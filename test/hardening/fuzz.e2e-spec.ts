// Property-based fuzzing of every endpoint of the three services (issue 11, "Tests"): more than
// 10,000 generated hostile bodies, paths, queries and headers. Whatever arrives: never a 5xx,
// every error a problem document whose status is the answer's, and a refused call writes
// nothing (the row count of every table of the three schemas is unchanged).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { SERVICES } from '@capmatch/contracts';
import { MIGRATIONS_TABLE } from '@capmatch/platform';
import { waitForQuiet } from '../support/quiet';
import { offerBody, requestBody, Scenario } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { tokenFor } from '../support/tokens';
import { hostileHeaderValue, hostileJson, hostileRawBody, hostileSegment, hostileString, mutated, percentEncode, type Json } from './hostile';

type ServiceKey = 'requests' | 'offers' | 'matching';
interface Endpoint {
  service: ServiceKey;
  method: 'GET' | 'POST' | 'PATCH';
  /** `{id}` is replaced by a real id or a hostile segment. */
  path: string;
  query?: string[];
  body?: () => Json;
}

/** FUZZ_SCALE=0.1 for a quick local pass; CI runs the full 10,500 calls. */
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const RUNS = Object.fromEntries(
  Object.entries({ bodies: 4000, paths: 2500, queries: 2500, headers: 1500 }).map(([k, n]) => [k, Math.max(10, Math.round(n * SCALE))]),
) as Record<'bodies' | 'paths' | 'queries' | 'headers', number>;

describe('hostile input against every endpoint', () => {
  let stack: Stack;
  let db: Client;
  let countSql: string;
  let baseline: string;
  let admin: string;
  const ids: Record<string, string> = {};
  const seen = { calls: 0, refused: 0, accepted: 0 };
  /** Every call answered since the baseline was taken: named when a row count moves, to find the writer. */
  let sinceBaseline: string[] = [];
  let endpoints: Endpoint[];
  const tokens: string[] = [];

  const rowCounts = async (): Promise<string> => JSON.stringify((await db.query(countSql)).rows[0]);

  beforeAll(async () => {
    stack = await startStack();
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    const s = new Scenario(stack);
    const provider = await s.provider('government', 'DEU');
    const offer = await s.offer(provider, 'yo');
    const req = await s.request('RWA', 'yo');
    await waitForQuiet();
    const suggestions = await s.suggestions({ requestId: req.id });
    Object.assign(ids, { request: req.id, provider: provider.id, offer: offer.id, suggestion: suggestions[0]?.id ?? randomUUID() });
    admin = await tokenFor({ role: 'admin', sub: 'fuzz-admin' });
    tokens.push(
      admin,
      await tokenFor({ role: 'country', country: 'RWA', sub: 'fuzz-rwa' }),
      await tokenFor({ role: 'donor', providerId: provider.id, sub: 'fuzz-donor' }),
      await tokenFor({ role: 'coordinator', sub: 'fuzz-coordinator' }),
      await tokenFor({ role: 'admin', sub: 'fuzz-expired', expiresIn: -60 }),
      await tokenFor({ role: 'admin', sub: 'fuzz-forged', secret: 'not-the-secret-0123456789-abcdefghijklmnop' }),
    );
    const { rows } = await db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> $2 ORDER BY 1, 2`,
      [[...SERVICES], MIGRATIONS_TABLE],
    );
    countSql = `SELECT ${rows.map((r) => `(SELECT count(*) FROM "${r.schema}"."${r.name}") AS "${r.schema}.${r.name}"`).join(', ')}`;
    baseline = await rowCounts();

    const requestValid = () => ({ ...requestBody('yo'), country: 'RWA' });
    const offerValid = () => ({ ...offerBody('yo'), providerId: ids.provider });
    const page = ['limit', 'cursor'];
    endpoints = [
      { service: 'requests', method: 'POST', path: '/v1/requests', body: requestValid },
      { service: 'requests', method: 'GET', path: '/v1/requests', query: [...page, 'status', 'country', 'capacityArea', 'sdg'] },
      { service: 'requests', method: 'GET', path: '/v1/requests/{id}' },
      { service: 'requests', method: 'PATCH', path: '/v1/requests/{id}', body: () => ({ title: 'A changed title', window: { end: '2028-01-01' } }) },
      { service: 'requests', method: 'POST', path: '/v1/requests/{id}/withdraw', body: () => ({ reason: 'no longer needed' }) },
      { service: 'requests', method: 'GET', path: '/v1/requests/{id}/history', query: page },
      { service: 'requests', method: 'GET', path: '/v1/taxonomy', query: ['lang'] },
      { service: 'requests', method: 'GET', path: '/v1/countries', query: [...page, 'region', 'group', 'developmentStatus'] },
      { service: 'requests', method: 'GET', path: '/v1/countries/{id}' },
      { service: 'offers', method: 'POST', path: '/v1/providers', body: () => ({ name: 'Fuzz provider', kind: 'academia', country: 'KEN' }) },
      { service: 'offers', method: 'GET', path: '/v1/providers', query: [...page, 'kind', 'country'] },
      { service: 'offers', method: 'GET', path: '/v1/providers/{id}' },
      { service: 'offers', method: 'POST', path: '/v1/offers', body: offerValid },
      { service: 'offers', method: 'GET', path: '/v1/offers', query: [...page, 'status', 'providerId', 'capacityArea', 'origin'] },
      { service: 'offers', method: 'GET', path: '/v1/offers/{id}' },
      { service: 'offers', method: 'PATCH', path: '/v1/offers/{id}', body: () => ({ slots: 3, budgetUsd: 1234.5 }) },
      { service: 'offers', method: 'POST', path: '/v1/offers/{id}/withdraw', body: () => ({ reason: 'no longer offered' }) },
      { service: 'offers', method: 'GET', path: '/v1/offers/{id}/history', query: page },
      { service: 'matching', method: 'GET', path: '/v1/suggestions', query: [...page, 'requestId', 'offerId', 'status', 'cooperationType', 'country', 'minScore'] },
      { service: 'matching', method: 'GET', path: '/v1/suggestions/{id}' },
      { service: 'matching', method: 'GET', path: '/v1/suggestions/{id}/history', query: page },
      { service: 'matching', method: 'POST', path: '/v1/suggestions/{id}/accept' },
      { service: 'matching', method: 'POST', path: '/v1/suggestions/{id}/reject', body: () => ({ reason: 'not a good fit' }) },
      { service: 'matching', method: 'GET', path: '/v1/partnerships', query: [...page, 'requestId', 'offerId', 'country', 'cooperationType'] },
      { service: 'matching', method: 'GET', path: '/v1/partnerships/{id}' },
      { service: 'matching', method: 'GET', path: '/v1/reports/coverage' },
    ];
  }, 180_000);
  afterAll(async () => {
    process.stdout.write(`fuzz: ${seen.calls} calls, ${seen.refused} refused, ${seen.accepted} accepted\n`);
    await db?.end();
    await stack?.close();
  });

  /** The id an endpoint's path gets when it is not fuzzed: a real one of the right kind. */
  const realId = (e: Endpoint): string =>
    e.path.startsWith('/v1/countries') ? 'RWA'
      : e.path.startsWith('/v1/requests') ? ids.request
        : e.path.startsWith('/v1/providers') ? ids.provider
          : e.path.startsWith('/v1/offers') ? ids.offer
            : ids.suggestion;

  interface Call {
    endpoint: Endpoint;
    segment?: string;
    query?: string;
    body?: string;
    headers?: Record<string, string>;
  }

  async function send(call: Call): Promise<void> {
    const e = call.endpoint;
    const url = `${stack[e.service].url}${e.path.replace('{id}', call.segment ?? realId(e))}${call.query ? `?${call.query}` : ''}`;
    const headers: Record<string, string> = { Authorization: `Bearer ${admin}`, ...call.headers };
    if (call.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, { method: e.method, headers, body: e.method === 'GET' ? undefined : call.body });
    } catch (error) {
      // fetch itself refuses some header values and URLs before sending: nothing reached the service.
      if (error instanceof TypeError && !(error as { cause?: unknown }).cause) {
        sinceBaseline.push(`${e.method} ${url.slice(0, 200)} not sent: ${error.message.slice(0, 100)}`);
        return;
      }
      throw error;
    }
    const text = await res.text();
    seen.calls += 1;
    const where = `${e.method} ${url.slice(0, 200)} ${JSON.stringify(call.headers ?? {}).slice(0, 200)} -> ${res.status} ${text.slice(0, 300)}`;
    sinceBaseline.push(where.slice(0, 400));
    expect({ where, status: res.status < 500 }).toEqual({ where, status: true });
    if (res.status >= 400) {
      seen.refused += 1;
      expect({ where, type: res.headers.get('content-type') }).toEqual({ where, type: expect.stringMatching(/^application\/problem\+json/) });
      const doc = JSON.parse(text) as Json;
      expect({ where, doc }).toEqual({
        where,
        doc: expect.objectContaining({ type: expect.any(String), title: expect.any(String), status: res.status, detail: expect.any(String) }),
      });
      if (e.method !== 'GET') {
        const rows = await rowCounts();
        expect({ where, rows, sinceBaseline: rows === baseline ? [] : sinceBaseline }).toEqual({ where, rows: baseline, sinceBaseline: [] });
      }
    } else if (e.method !== 'GET') {
      seen.accepted += 1;
      await waitForQuiet();
      baseline = await rowCounts();
      sinceBaseline = [];
    }
  }

  const withBody = () => fc.constantFrom(...endpoints.filter((e) => e.body));
  const any = () => fc.constantFrom(...endpoints);

  it(`${RUNS.bodies} hostile bodies`, async () => {
    const body = (e: Endpoint) => fc.oneof(hostileRawBody, hostileJson.map((v) => JSON.stringify(v) ?? 'null'), mutated(e.body!()).map((v) => JSON.stringify(v)));
    await fc.assert(
      fc.asyncProperty(withBody().chain((endpoint) => body(endpoint).map((b) => ({ endpoint, body: b }))), (call) => send(call)),
      { numRuns: RUNS.bodies },
    );
  }, 1_200_000);

  it(`${RUNS.paths} hostile paths`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          endpoint: fc.constantFrom(...endpoints.filter((e) => e.path.includes('{id}'))),
          segment: fc.oneof(hostileSegment, hostileSegment.map((s) => `${s}/${s}`)),
        }),
        (call) => send({ ...call, body: call.endpoint.body ? JSON.stringify(call.endpoint.body()) : undefined }),
      ),
      { numRuns: RUNS.paths },
    );
  }, 1_200_000);

  it(`${RUNS.queries} hostile queries`, async () => {
    const param = (e: Endpoint) =>
      fc.tuple(fc.oneof(fc.constantFrom(...(e.query ?? ['limit'])), fc.constantFrom('limit[]', 'a[b]', '__proto__', 'status[0]'), fc.string({ maxLength: 8 })), fc.oneof(hostileString, fc.constantFrom('0x10', '1e1', '-1', '0', '201', ' 5', '5 ', '+5', '05', '1.5', '0.5e1')));
    await fc.assert(
      fc.asyncProperty(
        any().chain((endpoint) =>
          fc.array(param(endpoint), { minLength: 1, maxLength: 4 }).map((pairs) => ({
            endpoint,
            query: pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&'),
          })),
        ),
        (call) => send({ ...call, body: call.endpoint.body ? JSON.stringify(call.endpoint.body()) : undefined }),
      ),
      { numRuns: RUNS.queries },
    );
  }, 1_200_000);

  it(`${RUNS.headers} hostile headers`, async () => {
    const names = ['Authorization', 'Idempotency-Key', 'If-Match', 'Content-Type', 'Accept', 'X-Request-Id', 'Accept-Language'];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          endpoint: any(),
          headers: fc.dictionary(fc.constantFrom(...names), fc.oneof(hostileHeaderValue, fc.constantFrom(...tokens).map((t) => `Bearer ${t}`)), {
            minKeys: 1,
            maxKeys: 3,
          }),
        }),
        (call) => send({ ...call, body: call.endpoint.body ? JSON.stringify(call.endpoint.body()) : undefined }),
      ),
      { numRuns: RUNS.headers },
    );
  }, 1_200_000);
});
