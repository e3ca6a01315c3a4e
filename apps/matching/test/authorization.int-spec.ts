import request from 'supertest';
import { tokenFor } from '../../../test/support/tokens';
import { envelope, offerSnapshot, requestSnapshot } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

type Caller = 'none' | 'countryOwn' | 'countryOther' | 'donorOwn' | 'donorOther' | 'coordinator' | 'admin';
const CALLERS: Caller[] = ['none', 'countryOwn', 'countryOther', 'donorOwn', 'donorOther', 'coordinator', 'admin'];

describe('matching authorization matrix', () => {
  let h: MatchingHarness;
  const tokens = new Map<Caller, string | undefined>();
  let providerId: string;
  let lang: string;

  beforeAll(async () => {
    h = await MatchingHarness.start();
    lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north', { slots: 10, remainingSlots: 10 });
    providerId = offer.providerId;
    await h.feed.publish(envelope('offer.published', offer));
    await h.quiet();
    tokens.set('none', undefined);
    tokens.set('countryOwn', await tokenFor({ role: 'country', country: 'RWA', sub: 'rwa-focal' }));
    tokens.set('countryOther', await tokenFor({ role: 'country', country: 'UGA', sub: 'uga-focal' }));
    tokens.set('donorOwn', await tokenFor({ role: 'donor', providerId, sub: 'donor-own' }));
    tokens.set('donorOther', await tokenFor({ role: 'donor', providerId: '6f1c5a8e-8d4e-4c1e-9a57-3f1b2a1d9e00', sub: 'donor-other' }));
    tokens.set('coordinator', await tokenFor({ role: 'coordinator', sub: 'coord' }));
    tokens.set('admin', await tokenFor({ role: 'admin', sub: 'admin' }));
  });
  afterAll(() => h.close());

  /** A fresh RWA request proposed with the shared offer; returns its suggestion. */
  async function proposal(): Promise<Json> {
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    const [s] = await h.suggestionsOf(req.id);
    return s;
  }

  function call(method: 'get' | 'post', path: string, caller: Caller, body?: Json): Promise<request.Response> {
    const r = request(h.service.http)[method](path);
    const token = tokens.get(caller);
    if (token) r.auth(token, { type: 'bearer' });
    return body ? r.send(body) : r;
  }

  const READ: Record<Caller, number> = {
    none: 401, countryOwn: 200, countryOther: 404, donorOwn: 200, donorOther: 404, coordinator: 200, admin: 200,
  };
  const DECIDE: Record<Caller, number> = {
    none: 401, countryOwn: 403, countryOther: 403, donorOwn: 403, donorOther: 403, coordinator: 0, admin: 0,
  };

  it('GET /v1/suggestions/{id} and its history: own 200, others 404, no token 401', async () => {
    const s = await proposal();
    for (const caller of CALLERS) {
      expect([caller, (await call('get', `/v1/suggestions/${s.id}`, caller)).status]).toEqual([caller, READ[caller]]);
      expect([caller, (await call('get', `/v1/suggestions/${s.id}/history`, caller)).status]).toEqual([caller, READ[caller]]);
    }
  });

  it('GET /v1/suggestions lists only what the caller may see', async () => {
    const s = await proposal();
    for (const caller of CALLERS) {
      const res = await call('get', `/v1/suggestions?requestId=${s.requestId}`, caller);
      if (caller === 'none') {
        expect(res.status).toBe(401);
        continue;
      }
      expect(res.status).toBe(200);
      const seen = res.body.items.some((x: Json) => x.id === s.id);
      expect([caller, seen]).toEqual([caller, READ[caller] === 200]);
    }
  });

  it('accept and reject: coordinators and admins only (403 for others, 401 without a token)', async () => {
    for (const caller of CALLERS) {
      const s = await proposal();
      const accept = await call('post', `/v1/suggestions/${s.id}/accept`, caller);
      expect([caller, accept.status]).toEqual([caller, DECIDE[caller] || 201]);
      const t = await proposal();
      const reject = await call('post', `/v1/suggestions/${t.id}/reject`, caller, { reason: 'Not a fit this year' });
      expect([caller, reject.status]).toEqual([caller, DECIDE[caller] || 200]);
    }
  });

  it('partnerships: same visibility as suggestions', async () => {
    const s = await proposal();
    const created = await call('post', `/v1/suggestions/${s.id}/accept`, 'coordinator');
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const caller of CALLERS) {
      expect([caller, (await call('get', `/v1/partnerships/${id}`, caller)).status]).toEqual([caller, READ[caller]]);
      const list = await call('get', `/v1/partnerships?requestId=${s.requestId}`, caller);
      if (caller === 'none') expect(list.status).toBe(401);
      else expect([caller, list.body.items.length]).toEqual([caller, READ[caller] === 200 ? 1 : 0]);
    }
  });

  it('bad input is a 400 naming the field, never a 5xx', async () => {
    const bad = [
      ['/v1/suggestions/not-a-uuid', 'id'],
      ['/v1/suggestions?minScore=2', 'minScore'],
      ['/v1/suggestions?status=maybe', 'status'],
      ['/v1/suggestions?cooperationType=east-west', 'cooperationType'],
      ['/v1/suggestions?limit=0', 'limit'],
      ['/v1/suggestions?cursor=garbage', 'cursor'],
      ['/v1/suggestions?country=rwa', 'country'],
      ['/v1/partnerships?offerId=x', 'offerId'],
    ];
    for (const [path, field] of bad) {
      const res = await call('get', path, 'coordinator');
      expect([path, res.status]).toEqual([path, 400]);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
    }
  });
});
