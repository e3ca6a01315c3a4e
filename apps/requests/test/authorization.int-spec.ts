import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { tokenFor } from '../../../test/support/tokens';
import { AppModule } from '../src/app.module';
import { CALLERS, headersFor, requestBody, RequestsDb, type Caller } from './requests-fixtures';

type Target = 'open' | 'withdrawn' | 'missing' | 'none';
interface Row {
  name: string;
  target: Target;
  call: (http: request.Agent | ReturnType<typeof request>, id: string, who: Caller) => request.Test;
  expected: Record<Caller, number>;
}

const MISSING = '5a4e3b2c-1d0f-4e9a-8b7c-6d5e4f3a2b1c';

/** Every endpoint × every caller. `own` is Rwanda's focal point; the targets are Rwandan requests. */
const MATRIX: Row[] = [
  {
    name: 'POST /v1/requests',
    target: 'none',
    call: (http, _id, who) =>
      http.post('/v1/requests').send(requestBody(who === 'coordinator' || who === 'admin' ? { country: 'RWA' } : {})),
    expected: { own: 201, other: 201, donor: 403, coordinator: 201, admin: 201, none: 401 },
  },
  {
    name: 'GET /v1/requests',
    target: 'none',
    call: (http) => http.get('/v1/requests'),
    expected: { own: 200, other: 200, donor: 200, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/requests/{id} (open)',
    target: 'open',
    call: (http, id) => http.get(`/v1/requests/${id}`),
    expected: { own: 200, other: 404, donor: 200, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/requests/{id} (withdrawn)',
    target: 'withdrawn',
    call: (http, id) => http.get(`/v1/requests/${id}`),
    expected: { own: 200, other: 404, donor: 404, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/requests/{id} (no such request)',
    target: 'missing',
    call: (http, id) => http.get(`/v1/requests/${id}`),
    expected: { own: 404, other: 404, donor: 404, coordinator: 404, admin: 404, none: 401 },
  },
  {
    name: 'PATCH /v1/requests/{id}',
    target: 'open',
    call: (http, id) => http.patch(`/v1/requests/${id}`).send({ priority: 'low' }),
    expected: { own: 200, other: 404, donor: 403, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'PATCH /v1/requests/{id} (no such request)',
    target: 'missing',
    call: (http, id) => http.patch(`/v1/requests/${id}`).send({ priority: 'low' }),
    expected: { own: 404, other: 404, donor: 403, coordinator: 404, admin: 404, none: 401 },
  },
  {
    name: 'POST /v1/requests/{id}/withdraw',
    target: 'open',
    call: (http, id) => http.post(`/v1/requests/${id}/withdraw`).send({ reason: 'no longer needed' }),
    expected: { own: 200, other: 404, donor: 403, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/requests/{id}/history',
    target: 'open',
    call: (http, id) => http.get(`/v1/requests/${id}/history`),
    expected: { own: 200, other: 404, donor: 403, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/taxonomy',
    target: 'none',
    call: (http) => http.get('/v1/taxonomy'),
    expected: { own: 200, other: 200, donor: 200, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/countries',
    target: 'none',
    call: (http) => http.get('/v1/countries'),
    expected: { own: 200, other: 200, donor: 200, coordinator: 200, admin: 200, none: 401 },
  },
  {
    name: 'GET /v1/countries/{iso3}',
    target: 'none',
    call: (http) => http.get('/v1/countries/RWA'),
    expected: { own: 200, other: 200, donor: 200, coordinator: 200, admin: 200, none: 401 },
  },
];

const CASES = MATRIX.flatMap((row) => CALLERS.map((who) => [row.name, who, row.expected[who], row] as const));

describe('authorization matrix', () => {
  let svc: StartedService;
  let db: RequestsDb;
  let h: Record<Caller, Record<string, string>>;

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    db = await RequestsDb.connect();
    h = await headersFor();
  });
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  /** A fresh Rwandan request in the state the row needs, so rows never depend on each other. */
  async function target(kind: Target): Promise<string> {
    if (kind === 'missing' || kind === 'none') return MISSING;
    const created = await request(svc.http).post('/v1/requests').set(h.own).send(requestBody()).expect(201);
    if (kind === 'withdrawn') await request(svc.http).post(`/v1/requests/${created.body.id}/withdraw`).set(h.own).send({}).expect(200);
    return created.body.id;
  }

  it.each(CASES)('%s as %s → %i', async (_name, who, status, row) => {
    const id = await target(row.target);
    const res = await row.call(request(svc.http), id, who).set(h[who]);
    expect(res.status).toBe(status);
    if (status >= 400) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      // A 404 must look the same whether the request exists or not: no hint that it does.
      if (status === 404) expect(res.body.detail).toBe(`Request ${id} not found`);
    }
  });

  it('lists only what each caller may see', async () => {
    await db.truncate();
    const rwaOpen = await target('open');
    const rwaWithdrawn = await target('withdrawn');
    const bgd = (await request(svc.http).post('/v1/requests').set(h.other).send(requestBody({ deliveryLanguages: ['bn'] }))).body.id;
    const ids = async (who: Caller) =>
      ((await request(svc.http).get('/v1/requests').set(h[who])).body.items as { id: string }[]).map((r) => r.id).sort();
    expect(await ids('own')).toEqual([rwaOpen, rwaWithdrawn].sort());
    expect(await ids('other')).toEqual([bgd]);
    expect(await ids('donor')).toEqual([rwaOpen, bgd].sort());
    expect(await ids('coordinator')).toEqual([rwaOpen, rwaWithdrawn, bgd].sort());
    expect(await ids('admin')).toEqual([rwaOpen, rwaWithdrawn, bgd].sort());
    // Filters narrow what the caller sees; they never widen it.
    const asked = await request(svc.http).get('/v1/requests?country=RWA').set(h.other);
    expect(asked.body.items).toEqual([]);
    const donorWithdrawn = await request(svc.http).get('/v1/requests?status=withdrawn').set(h.donor);
    expect(donorWithdrawn.body.items).toEqual([]);
  });

  it('refuses an expired or wrongly signed token with 401', async () => {
    const expired = await tokenFor({ sub: 'x', role: 'admin', expiresIn: -60 });
    const forged = await tokenFor({ sub: 'x', role: 'admin', secret: 'another-secret-another-secret-0123456789' });
    for (const token of [expired, forged]) {
      await request(svc.http).get('/v1/requests').set('Authorization', `Bearer ${token}`).expect(401);
    }
  });
});
