import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { AppModule } from '../src/app.module';
import { bearer, type Json, offerBody, OffersDb, registerProvider } from './offers-fixtures';

type Caller = 'ownDonor' | 'otherDonor' | 'country' | 'coordinator' | 'admin' | 'none';
const CALLERS: Caller[] = ['ownDonor', 'otherDonor', 'country', 'coordinator', 'admin', 'none'];

interface Case {
  name: string;
  /** Runs the call as `caller` against fresh objects; returns the status. */
  call: (caller: Caller) => Promise<number>;
  expected: Record<Caller, number>;
}

describe('offers authorization matrix', () => {
  let svc: StartedService;
  let db: OffersDb;
  let own: Json;
  let other: Json;
  const h = {} as Record<Caller, Record<string, string>>;
  const http = () => request(svc.http);

  beforeAll(async () => {
    svc = await startService('offers', AppModule);
    db = await OffersDb.connect();
    await resetState();
    own = await registerProvider(svc, { name: 'Germany BMZ', kind: 'government', country: 'DEU' });
    other = await registerProvider(svc, { name: 'Japan JICA', kind: 'government', country: 'JPN' });
    h.ownDonor = await bearer({ sub: 'donor-own', role: 'donor', providerId: own.id });
    h.otherDonor = await bearer({ sub: 'donor-other', role: 'donor', providerId: other.id });
    h.country = await bearer({ sub: 'focal-rwa', role: 'country', country: 'RWA' });
    h.coordinator = await bearer({ sub: 'coord-1', role: 'coordinator' });
    h.admin = await bearer({ sub: 'admin-1', role: 'admin' });
    h.none = {};
  });
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  /** A fresh offer of the `own` provider, optionally withdrawn. */
  const ownOffer = async (state: 'open' | 'withdrawn' = 'open'): Promise<Json> => {
    const res = await http().post('/v1/offers').set(h.ownDonor).send(offerBody());
    expect(res.status).toBe(201);
    if (state === 'withdrawn') await http().post(`/v1/offers/${res.body.id}/withdraw`).set(h.ownDonor).send({}).expect(200);
    return res.body;
  };
  const providerFor = (caller: Caller) => (caller === 'coordinator' || caller === 'admin' ? { providerId: own.id } : {});

  const cases: Case[] = [
    {
      name: 'POST /v1/providers',
      call: async (c) => (await http().post('/v1/providers').set(h[c]).send({ name: 'UNESCO', kind: 'multilateral' })).status,
      expected: { ownDonor: 403, otherDonor: 403, country: 403, coordinator: 201, admin: 201, none: 401 },
    },
    {
      name: 'GET /v1/providers',
      call: async (c) => (await http().get('/v1/providers').set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 200, country: 200, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'GET /v1/providers/{id}',
      call: async (c) => (await http().get(`/v1/providers/${own.id}`).set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 200, country: 200, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'POST /v1/offers',
      call: async (c) => (await http().post('/v1/offers').set(h[c]).send(offerBody(providerFor(c)))).status,
      expected: { ownDonor: 201, otherDonor: 201, country: 403, coordinator: 201, admin: 201, none: 401 },
    },
    {
      name: 'GET /v1/offers',
      call: async (c) => (await http().get('/v1/offers').set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 200, country: 200, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'GET /v1/offers/{id} (open)',
      call: async (c) => (await http().get(`/v1/offers/${(await ownOffer()).id}`).set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 200, country: 200, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'GET /v1/offers/{id} (withdrawn)',
      call: async (c) => (await http().get(`/v1/offers/${(await ownOffer('withdrawn')).id}`).set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 404, country: 404, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'PATCH /v1/offers/{id} (open)',
      call: async (c) => (await http().patch(`/v1/offers/${(await ownOffer()).id}`).set(h[c]).send({ slots: 7 })).status,
      expected: { ownDonor: 200, otherDonor: 403, country: 403, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'PATCH /v1/offers/{id} (withdrawn)',
      call: async (c) => (await http().patch(`/v1/offers/${(await ownOffer('withdrawn')).id}`).set(h[c]).send({ slots: 7 })).status,
      expected: { ownDonor: 409, otherDonor: 404, country: 403, coordinator: 409, admin: 409, none: 401 },
    },
    {
      name: 'POST /v1/offers/{id}/withdraw (open)',
      call: async (c) => (await http().post(`/v1/offers/${(await ownOffer()).id}/withdraw`).set(h[c]).send({ reason: 'test' })).status,
      expected: { ownDonor: 200, otherDonor: 403, country: 403, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'POST /v1/offers/{id}/withdraw (withdrawn)',
      call: async (c) => (await http().post(`/v1/offers/${(await ownOffer('withdrawn')).id}/withdraw`).set(h[c]).send({})).status,
      expected: { ownDonor: 409, otherDonor: 404, country: 403, coordinator: 409, admin: 409, none: 401 },
    },
    {
      name: 'GET /v1/offers/{id}/history (open)',
      call: async (c) => (await http().get(`/v1/offers/${(await ownOffer()).id}/history`).set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 403, country: 403, coordinator: 200, admin: 200, none: 401 },
    },
    {
      name: 'GET /v1/offers/{id}/history (withdrawn)',
      call: async (c) => (await http().get(`/v1/offers/${(await ownOffer('withdrawn')).id}/history`).set(h[c])).status,
      expected: { ownDonor: 200, otherDonor: 404, country: 403, coordinator: 200, admin: 200, none: 401 },
    },
  ];

  describe.each(cases)('$name', ({ call, expected }) => {
    it.each(CALLERS)('%s', async (caller) => {
      expect(await call(caller)).toBe(expected[caller]);
    });
  });

  it('answers 400 naming id for an id that is not a UUID, 404 for one that names no offer or provider', async () => {
    for (const path of ['/v1/offers/nope', '/v1/providers/nope', '/v1/offers/nope/history']) {
      const res = await http().get(path).set(h.coordinator);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    }
    for (const path of ['/v1/offers/00000000-0000-4000-8000-000000000000', '/v1/providers/00000000-0000-4000-8000-000000000000']) {
      expect((await http().get(path).set(h.coordinator)).status).toBe(404);
    }
  });

  it('refuses a donor token whose provider is not registered (403) and a bad or expired token (401)', async () => {
    const stranger = await bearer({ sub: 'ghost', role: 'donor', providerId: '00000000-0000-4000-8000-000000000001' });
    expect((await http().post('/v1/offers').set(stranger).send(offerBody())).status).toBe(403);
    const forged = await bearer({ sub: 'x', role: 'admin', secret: 'another-secret-0123456789-abcdefghijklmnopq' });
    expect((await http().get('/v1/offers').set(forged)).status).toBe(401);
    const expired = await bearer({ sub: 'x', role: 'admin', expiresIn: -60 });
    expect((await http().get('/v1/offers').set(expired)).status).toBe(401);
  });

  it('lists what each role may see: donors their own in any status plus open ones, countries open ones', async () => {
    await resetState();
    own = await registerProvider(svc, { name: 'Germany BMZ', kind: 'government', country: 'DEU' });
    other = await registerProvider(svc, { name: 'Japan JICA', kind: 'government', country: 'JPN' });
    h.ownDonor = await bearer({ sub: 'donor-own', role: 'donor', providerId: own.id });
    h.otherDonor = await bearer({ sub: 'donor-other', role: 'donor', providerId: other.id });
    const open = await ownOffer();
    const gone = await ownOffer('withdrawn');
    const theirs = (await http().post('/v1/offers').set(h.otherDonor).send(offerBody())).body;
    const theirsGone = (await http().post('/v1/offers').set(h.otherDonor).send(offerBody())).body;
    await http().post(`/v1/offers/${theirsGone.id}/withdraw`).set(h.otherDonor).send({}).expect(200);
    const seen = async (c: Caller, q = '') => ((await http().get(`/v1/offers${q}`).set(h[c])).body.items as Json[]).map((o) => o.id).sort();
    expect(await seen('ownDonor')).toEqual([open.id, gone.id, theirs.id].sort());
    expect(await seen('otherDonor')).toEqual([open.id, theirs.id, theirsGone.id].sort());
    expect(await seen('country')).toEqual([open.id, theirs.id].sort());
    expect(await seen('country', '?status=withdrawn')).toEqual([]);
    expect(await seen('coordinator')).toEqual([open.id, gone.id, theirs.id, theirsGone.id].sort());
    expect(await seen('admin', '?status=withdrawn')).toEqual([gone.id, theirsGone.id].sort());
  });
});
