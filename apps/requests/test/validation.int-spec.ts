import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { tokenFor } from '../../../test/support/tokens';
import { AppModule } from '../src/app.module';
import { headersFor, requestBody, RequestsDb, type Caller } from './requests-fixtures';

/** [field named in the answer, body overrides]: each must be refused on its own. */
const BAD_CREATE: Array<[string, Record<string, unknown>]> = [
  ['title', { title: 'ab' }],
  ['title', { title: 'x'.repeat(201) }],
  ['title', { title: null }],
  ['description', { description: '' }],
  ['description', { description: 'x'.repeat(5001) }],
  ['language', { language: 'xx' }],
  ['language', { language: 'EN' }],
  ['capacityAreas', { capacityAreas: [] }],
  ['capacityAreas', { capacityAreas: ['data', 'data'] }],
  ['capacityAreas', { capacityAreas: ['cooking'] }],
  ['capacityAreas', { capacityAreas: Array.from({ length: 21 }, () => 'data') }],
  ['modalities', { modalities: [] }],
  ['modalities', { modalities: ['lecture'] }],
  ['sdgs', { sdgs: [0] }],
  ['sdgs', { sdgs: [18] }],
  ['sdgs', { sdgs: [2.5] }],
  ['sdgs', { sdgs: [4, 4] }],
  ['targetGroups', { targetGroups: ['everyone'] }],
  ['deliveryLanguages', { deliveryLanguages: [] }],
  ['deliveryLanguages', { deliveryLanguages: ['klingon'] }],
  ['cooperationTypes', { cooperationTypes: ['east-west'] }],
  ['budgetUsd', { budgetUsd: -0.01 }],
  ['budgetUsd', { budgetUsd: '1000' }],
  ['window', { window: null }],
  ['window.start', { window: { start: '2027-02-29', end: '2027-12-31' } }],
  ['window.end', { window: { start: '2027-01-01', end: '2026-12-31' } }],
  ['window.end', { window: { start: '2027-01-01', end: '2027/12/31' } }],
  ['window.extra', { window: { start: '2027-01-01', end: '2027-12-31', extra: 1 } }],
  ['nationalStrategyRef', { nationalStrategyRef: 'x'.repeat(501) }],
  ['priority', { priority: 'urgent' }],
  ['id', { id: '5a4e3b2c-1d0f-4e9a-8b7c-6d5e4f3a2b1c' }],
  ['status', { status: 'matched' }],
  ['classification', { classification: { ldc: true } }],
  ['version', { version: 7 }],
  ['createdAt', { createdAt: '2026-01-01T00:00:00Z' }],
  ['updatedAt', { updatedAt: '2026-01-01T00:00:00Z' }],
  ['country', { country: 'BGD' }],
  ['favouriteColour', { favouriteColour: 'blue' }],
];

const REQUIRED = ['title', 'description', 'language', 'capacityAreas', 'modalities', 'deliveryLanguages', 'window'];

describe('request validation', () => {
  let svc: StartedService;
  let db: RequestsDb;
  let h: Record<Caller, Record<string, string>>;
  let openId: string;
  const http = () => request(svc.http);

  beforeAll(async () => {
    svc = await startService('requests', AppModule);
    db = await RequestsDb.connect();
    h = await headersFor();
    openId = (await http().post('/v1/requests').set(h.own).send(requestBody()).expect(201)).body.id;
  });
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  /** Sends, expects 400 naming exactly `fields`, and checks that nothing at all was written. */
  async function refused(send: () => request.Test, fields: string[]): Promise<void> {
    const before = await db.counts();
    const res = await send();
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual([...fields].sort());
    expect(await db.counts()).toEqual(before);
  }

  it.each(BAD_CREATE)('POST refuses a bad %s', (field, overrides) =>
    refused(() => http().post('/v1/requests').set(h.own).send(requestBody(overrides)), [field]),
  );

  it.each(REQUIRED)('POST requires %s', (field) => {
    const body = requestBody();
    delete body[field];
    return refused(() => http().post('/v1/requests').set(h.own).send(body), [field]);
  });

  it('names every bad field at once', () =>
    refused(
      () =>
        http()
          .post('/v1/requests')
          .set(h.own)
          .send(requestBody({ title: '', sdgs: [20], deliveryLanguages: [], window: { start: '2027-01-01' }, status: 'open' })),
      ['title', 'sdgs', 'deliveryLanguages', 'window.end', 'status'],
    ));

  it('refuses a developed country, saying why', async () => {
    const res = await http().post('/v1/requests').set(h.coordinator).send(requestBody({ country: 'DEU' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'country', message: expect.stringMatching(/classified developed/) }]);
    await refused(() => http().post('/v1/requests').set(h.coordinator).send(requestBody({ country: 'DEU' })), ['country']);
  });

  it('refuses an unknown country, and a focal point of a developed country', async () => {
    await refused(() => http().post('/v1/requests').set(h.admin).send(requestBody({ country: 'XYZ' })), ['country']);
    const deu = { Authorization: `Bearer ${await tokenFor({ sub: 'focal-deu', role: 'country', country: 'DEU' })}` };
    await refused(() => http().post('/v1/requests').set(deu).send(requestBody()), ['country']);
  });

  it('requires country from coordinators and admins', async () => {
    await refused(() => http().post('/v1/requests').set(h.coordinator).send(requestBody()), ['country']);
    await refused(() => http().post('/v1/requests').set(h.admin).send(requestBody()), ['country']);
  });

  it('refuses malformed JSON with a problem document', async () => {
    const before = await db.counts();
    const res = await http().post('/v1/requests').set(h.own).set('Content-Type', 'application/json').send('{"title": ');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await db.counts()).toEqual(before);
  });

  it.each<[string, Record<string, unknown>]>([
    ['title', { title: 'no' }],
    ['title', { title: null }],
    ['capacityAreas', { capacityAreas: [] }],
    ['sdgs', { sdgs: [0] }],
    ['deliveryLanguages', { deliveryLanguages: ['zz'] }],
    ['window.start', { window: { start: '2027-04-31' } }],
    ['window.end', { window: { end: '2026-01-01' } }],
    ['budgetUsd', { budgetUsd: -5 }],
    ['country', { country: 'BGD' }],
    ['status', { status: 'withdrawn' }],
    ['version', { version: 2 }],
    ['id', { id: '5a4e3b2c-1d0f-4e9a-8b7c-6d5e4f3a2b1c' }],
    ['bogus', { bogus: true }],
  ])('PATCH refuses a bad %s', (field, body) => refused(() => http().patch(`/v1/requests/${openId}`).set(h.own).send(body), [field]));

  it('refuses a withdraw reason over 1000 characters', () =>
    refused(() => http().post(`/v1/requests/${openId}/withdraw`).set(h.own).send({ reason: 'x'.repeat(1001) }), ['reason']));

  it.each([
    ['status', 'status=closed'],
    ['country', 'country=rw'],
    ['capacityArea', 'capacityArea=cooking'],
    ['sdg', 'sdg=18'],
    ['sdg', 'sdg=four'],
    ['limit', 'limit=0'],
    ['limit', 'limit=201'],
    ['cursor', 'cursor=not-a-cursor'],
    ['unknown', 'unknown=1'],
  ])('GET /v1/requests refuses a bad %s', (field, qs) => refused(() => http().get(`/v1/requests?${qs}`).set(h.coordinator), [field]));

  it('refuses a malformed id with 400 naming it', () => refused(() => http().get('/v1/requests/not-a-uuid').set(h.own), ['id']));
});
