// Issue 11, items 3–6, each across the services it concerns: deep and wide bodies, numbers in
// exponent notation, values Postgres cannot store, prototype keys, malformed ids, long token
// subjects and non-decimal query numbers all answer 400 (or 401) naming what is wrong.
import request from 'supertest';
import { offerBody, requestBody, Scenario, type Json } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { tokenFor } from '../support/tokens';

const nestedArrays = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const nestedObject = (depth: number): Json => (depth <= 1 ? { a: 1 } : { a: nestedObject(depth - 1) });
const fieldsOf = (res: request.Response) => [...new Set((res.body.errors ?? []).map((e: { field: string }) => e.field))].sort();

describe('hostile bodies, numbers, text and identifiers', () => {
  let stack: Stack;
  let admin: string;
  let offer: Json;
  let provider: Json;
  let suggestionPath: string;
  /** Every endpoint with a body, in all three services, as [service, method, path, a valid body]. */
  let withBody: Array<[keyof Pick<Stack, 'requests' | 'offers' | 'matching'>, 'post' | 'patch', string, Json]>;

  beforeAll(async () => {
    stack = await startStack();
    const s = new Scenario(stack);
    admin = await tokenFor({ role: 'admin', sub: 'hostile-admin' });
    provider = await s.provider('government', 'DEU');
    offer = await s.offer(provider, 'ha');
    const req = await s.request('RWA', 'ha');
    suggestionPath = `/v1/suggestions/00000000-0000-4000-8000-000000000000/reject`;
    withBody = [
      ['requests', 'post', '/v1/requests', { ...requestBody('ha'), country: 'RWA' }],
      ['requests', 'patch', `/v1/requests/${req.id}`, { title: 'A new title' }],
      ['requests', 'post', `/v1/requests/${req.id}/withdraw`, { reason: 'why' }],
      ['offers', 'post', '/v1/offers', { ...offerBody('ha'), providerId: provider.id }],
      ['offers', 'patch', `/v1/offers/${offer.id}`, { slots: 3 }],
      ['offers', 'post', `/v1/offers/${offer.id}/withdraw`, { reason: 'why' }],
      ['offers', 'post', '/v1/providers', { name: 'Hostile test provider', kind: 'academia', country: 'KEN' }],
      ['matching', 'post', suggestionPath, { reason: 'not a fit' }],
    ];
  }, 120_000);
  afterAll(() => stack?.close());

  const send = (service: keyof Stack, method: 'post' | 'patch', path: string, body: string | object, token = admin) => {
    const agent = request((stack[service] as { http: import('node:http').Server }).http);
    return (method === 'post' ? agent.post(path) : agent.patch(path))
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json')
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  describe('deep and wide bodies (item 3)', () => {
    it('refuses ~1,400 nested arrays with 400 on every endpoint with a body, before validation', async () => {
      for (const [service, method, path] of withBody) {
        const res = await send(service, method, path, nestedArrays(1400));
        expect(res.status).toBe(400);
        expect(res.body.detail).toMatch(/deeper than 32 levels/);
      }
    });

    it('allows 32 levels and refuses 33', async () => {
      const [service, method, path, valid] = withBody[0];
      const at32 = await send(service, method, path, { ...valid, deep: nestedObject(31) });
      expect(at32.body.detail).not.toMatch(/deeper/);
      expect(fieldsOf(at32)).toEqual(['deep']);
      const at33 = await send(service, method, path, { ...valid, deep: nestedObject(32) });
      expect(at33.status).toBe(400);
      expect(at33.body.detail).toMatch(/deeper than 32 levels/);
    });

    it('refuses more than 1,000 keys in one object cheaply, and a wide body answers small', async () => {
      for (const [service, method, path, valid] of withBody) {
        const wide = { ...valid, ...Object.fromEntries(Array.from({ length: 18_000 }, (_, i) => [`k${i}`, i])) };
        const res = await send(service, method, path, wide);
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'body', message: 'has more than 1000 keys' }]);
        expect(res.text.length).toBeLessThan(2000);
      }
    });

    it('names at most 100 errors', async () => {
      const [service, method, path, valid] = withBody[3];
      const unknown = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`unknown${i}`, i]));
      const res = await send(service, method, path, { ...valid, ...unknown });
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(100);
    });
  });

  describe('numbers (item 4)', () => {
    it.each(['1e-7', '0.0000001', '5e-324', '-1e-7', '1e400'])('budgetUsd %s is a 400 naming budgetUsd on offers and requests', async (raw) => {
      for (const [service, method, path, valid] of [withBody[0], withBody[3], withBody[4], withBody[1]]) {
        const text = JSON.stringify({ ...valid, budgetUsd: 1 }).replace('"budgetUsd":1', `"budgetUsd":${raw}`);
        const res = await send(service, method, path, text);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['budgetUsd']);
      }
    });

    it.each([['slots', 1e-7], ['slots', 2 ** 53], ['sdgs', [4.0000001]]])('%s %p is a 400 naming it', async (field, value) => {
      const [service, method, path, valid] = withBody[3];
      const res = await send(service, method, path, { ...valid, [field]: value });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    });
  });

  describe('values Postgres cannot store are named in the DTO (item 5)', () => {
    const cases: Array<[string, Json, string]> = [
      ['a NUL in the title', { title: 'Data\u0000 skills' }, 'title'],
      ['a lone surrogate in the description', { description: 'Data \uD800 skills' }, 'description'],
      ['a long run of combining marks', { title: `Z${'\u0301'.repeat(40)}algo` }, 'title'],
      ['a window in year 0000', { window: { start: '0000-01-01', end: '2027-12-31' } }, 'window.start'],
      ['a blank-only title', { title: '   ' }, 'title'],
    ];
    it.each(cases)('requests: %s', async (_, change, field) => {
      const [service, method, path, valid] = withBody[0];
      const res = await send(service, method, path, { ...valid, ...change });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    });
    it.each(cases)('offers: %s', async (_, change, field) => {
      const [service, method, path, valid] = withBody[3];
      const res = await send(service, method, path, { ...valid, ...change });
      expect(res.status).toBe(400);
      expect(fieldsOf(res)).toEqual([field]);
    });
    it('a NUL in a reject reason, a withdrawal reason or a provider name', async () => {
      for (const [i, field] of [[7, 'reason'], [2, 'reason'], [5, 'reason'], [6, 'name']] as const) {
        const [service, method, path, valid] = withBody[i];
        const res = await send(service, method, path, { ...valid, [field]: 'why\u0000not' });
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual([field]);
      }
    });
  });

  describe('small ones (item 6)', () => {
    it.each(['__proto__', 'constructor'])('%s is refused as an unknown field, not dropped', async (key) => {
      for (const [service, method, path, valid] of withBody) {
        const text = JSON.stringify(valid).replace(/^\{/, `{"${key}":{"x":1},`);
        const res = await send(service, method, path, text);
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual([key]);
      }
    });

    it('a malformed id in an offers or providers path is a 400 naming id', async () => {
      for (const path of ['/v1/offers/not-a-uuid', '/v1/providers/not-a-uuid', '/v1/offers/not-a-uuid/history']) {
        const res = await request(stack.offers.http).get(path).auth(admin, { type: 'bearer' });
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['id']);
      }
      const patch = await send('offers', 'patch', '/v1/offers/not-a-uuid', { slots: 2 });
      expect(fieldsOf(patch)).toEqual(['id']);
    });

    it('a token subject the tables cannot store is not authenticated (401), one they can store writes', async () => {
      const long = await tokenFor({ role: 'donor', providerId: provider.id, sub: 'd'.repeat(201) });
      const res = await send('offers', 'post', '/v1/offers', offerBody('ha'), long);
      expect(res.status).toBe(401);
      const longest = await tokenFor({ role: 'donor', providerId: provider.id, sub: 'd'.repeat(200) });
      expect((await send('offers', 'post', '/v1/offers', offerBody('ha'), longest)).status).toBe(201);
    });

    it.each(['0x10', '1e1', '+5', ' 5', '5.0'])('limit=%s is a 400 naming limit', async (limit) => {
      for (const [service, path] of [['requests', '/v1/requests'], ['offers', '/v1/offers'], ['matching', '/v1/suggestions']] as const) {
        const res = await request(stack[service].http).get(path).query(`limit=${encodeURIComponent(limit)}`).auth(admin, { type: 'bearer' });
        expect(res.status).toBe(400);
        expect(fieldsOf(res)).toEqual(['limit']);
      }
    });
  });

  describe('requests the HTTP parser refuses', () => {
    it('answers headers over 16 KiB with a 431 problem document in all three services', async () => {
      for (const service of ['requests', 'offers', 'matching'] as const) {
        const res = await fetch(`${stack[service].url}/v1/taxonomy`, {
          headers: { authorization: `Bearer ${admin}`, 'x-padding': 'x'.repeat(20_000) },
        });
        expect({ service, status: res.status, type: res.headers.get('content-type') }).toEqual({
          service, status: 431, type: 'application/problem+json',
        });
        expect(await res.json()).toEqual(expect.objectContaining({ status: 431, title: 'Request Header Fields Too Large' }));
      }
    });
  });
});
