import request from 'supertest';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { AppModule } from '../src/app.module';
import { bearer, coordinatorHeaders, type Json, offerBody, OffersDb, registerProvider } from './offers-fixtures';

describe('offers input validation, provider rules and origin', () => {
  let svc: StartedService;
  let db: OffersDb;
  let coord: Record<string, string>;
  let north: Json;
  let donor: Record<string, string>;
  const http = () => request(svc.http);
  const fields = (res: request.Response) => [...new Set((res.body.errors as Json[]).map((e) => e.field))].sort();

  beforeAll(async () => {
    svc = await startService('offers', AppModule);
    db = await OffersDb.connect();
    coord = await coordinatorHeaders();
  });
  beforeEach(async () => {
    await resetState();
    north = await registerProvider(svc, { name: 'Germany BMZ', kind: 'government', country: 'DEU' });
    donor = await bearer({ sub: 'donor-deu', role: 'donor', providerId: north.id });
  });
  afterAll(async () => {
    await db?.close();
    await svc?.close();
  });

  describe('offers: each bad field gives 400 naming it, and nothing is written', () => {
    it.each<[string, Json, string[]]>([
      ['title too short', { title: 'ab' }, ['title']],
      ['title too long', { title: 'x'.repeat(201) }, ['title']],
      ['empty description', { description: '' }, ['description']],
      ['description too long', { description: 'x'.repeat(5001) }, ['description']],
      ['unknown language', { language: 'zz' }, ['language']],
      ['no capacity area', { capacityAreas: [] }, ['capacityAreas']],
      ['unknown capacity area', { capacityAreas: ['weapons-systems'] }, ['capacityAreas']],
      ['duplicate capacity areas', { capacityAreas: ['data', 'data'] }, ['capacityAreas']],
      ['unknown modality', { modalities: ['arms-transfer'] }, ['modalities']],
      ['SDG out of range', { sdgs: [0, 18] }, ['sdgs']],
      ['unknown target group', { targetGroups: ['soldiers'] }, ['targetGroups']],
      ['unknown delivery language', { deliveryLanguages: ['en', 'xx'] }, ['deliveryLanguages']],
      ['21 delivery languages', { deliveryLanguages: Array.from({ length: 21 }, (_, i) => ['en', 'fr', 'es', 'ar', 'zh', 'ru', 'sw', 'rw', 'hi', 'bn', 'pt', 'de', 'ja', 'ko', 'it', 'nl', 'pl', 'tr', 'vi', 'th', 'am'][i]) }, ['deliveryLanguages']],
      ['unknown region', { eligibility: { regions: ['middle-earth'] } }, ['eligibility.regions']],
      ['unknown country', { eligibility: { countries: ['ABC'] } }, ['eligibility.countries']],
      ['unknown group', { eligibility: { groups: ['brics'] } }, ['eligibility.groups']],
      ['unknown eligibility key', { eligibility: { regions: [], continents: [] } }, ['eligibility.continents']],
      ['zero slots', { slots: 0 }, ['slots']],
      ['slots as a string', { slots: '3' }, ['slots']],
      ['slots over 1000', { slots: 1001 }, ['slots']],
      ['negative budget', { budgetUsd: -5 }, ['budgetUsd']],
      ['unknown role', { role: 'sponsor' }, ['role']],
      ['window end before start', { window: { start: '2027-06-01', end: '2027-05-31' } }, ['window.end']],
      ['unreal date', { window: { start: '2027-02-29', end: '2027-12-31' } }, ['window.start']],
      ['missing window', { window: undefined }, ['window']],
      ['unknown terms', { technologyTransferTerms: 'proprietary' }, ['technologyTransferTerms']],
      ['unknown field', { secretClause: true }, ['secretClause']],
      ['client-set id', { id: '00000000-0000-4000-8000-000000000000' }, ['id']],
      ['client-set status', { status: 'exhausted' }, ['status']],
      ['client-set origin', { origin: 'south' }, ['origin']],
      ['client-set remainingSlots', { remainingSlots: 100 }, ['remainingSlots']],
      ['client-set provider', { provider: { name: 'x' } }, ['provider']],
      ['client-set version', { version: 7 }, ['version']],
      ['client-set timestamps', { createdAt: '2020-01-01T00:00:00Z', updatedAt: '2020-01-01T00:00:00Z' }, ['createdAt', 'updatedAt']],
      ['donor-set providerId', { providerId: '00000000-0000-4000-8000-000000000000' }, ['providerId']],
      ['everything at once', { title: '', slots: -1, sdgs: [99], status: 'open', civilianUseOnly: false }, ['civilianUseOnly', 'sdgs', 'slots', 'status', 'title']],
    ])('%s', async (_, change, expected) => {
      const res = await http().post('/v1/offers').set(donor).send(offerBody(change));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(fields(res)).toEqual(expected);
      expect(await db.counts()).toEqual({ providers: 1, offers: 0, history: 0, outbox: 0 });
    });

    it('refuses an offer that does not attest civilian use, saying capmatch serves the non-military domain only', async () => {
      for (const civilianUseOnly of [false, undefined, 'true']) {
        const res = await http().post('/v1/offers').set(donor).send(offerBody({ civilianUseOnly }));
        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([{ field: 'civilianUseOnly', message: expect.stringMatching(/non-military domain only/) }]);
      }
      expect((await db.counts()).offers).toBe(0);
    });

    it('refuses malformed JSON with 400', async () => {
      const res = await http().post('/v1/offers').set(donor).set('Content-Type', 'application/json').send('{"title": ');
      expect(res.status).toBe(400);
    });

    it('validates edits the same way and writes nothing', async () => {
      const offer = (await http().post('/v1/offers').set(donor).send(offerBody())).body;
      const res = await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ title: null, slots: 0, origin: 'south', providerId: north.id, civilianUseOnly: false });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['civilianUseOnly', 'origin', 'providerId', 'slots', 'title']);
      expect(await db.counts()).toMatchObject({ offers: 1, history: 1, outbox: 1 });
    });

    it('names a missing, malformed or unknown providerId for coordinators', async () => {
      // The body's own rules first (the global pipe), then what depends on the caller and stored providers.
      const badBody = await http().post('/v1/offers').set(coord).send(offerBody({ title: 'x' }));
      expect(fields(badBody)).toEqual(['title']);
      const missing = await http().post('/v1/offers').set(coord).send(offerBody());
      expect(fields(missing)).toEqual(['providerId']);
      const malformed = await http().post('/v1/offers').set(coord).send(offerBody({ providerId: 'abc' }));
      expect(fields(malformed)).toEqual(['providerId']);
      const unknown = await http().post('/v1/offers').set(coord).send(offerBody({ providerId: '00000000-0000-4000-8000-000000000000' }));
      expect(unknown.status).toBe(400);
      expect(fields(unknown)).toEqual(['providerId']);
      const ok = await http().post('/v1/offers').set(coord).send(offerBody({ providerId: north.id }));
      expect(ok.status).toBe(201);
      expect(ok.body.providerId).toBe(north.id);
    });
  });

  describe('providers: kind and country rules', () => {
    it.each<[string, Json, string[]]>([
      ['government without a country', { name: 'Ministry', kind: 'government' }, ['country']],
      ['academia with an unknown country', { name: 'University', kind: 'academia', country: 'XYZ' }, ['country']],
      ['academia with a lower-case country', { name: 'University', kind: 'academia', country: 'ind' }, ['country']],
      ['multilateral with a country', { name: 'UNDP', kind: 'multilateral', country: 'USA' }, ['country']],
      ['development bank with a country', { name: 'AfDB', kind: 'development-bank', country: 'CIV' }, ['country']],
      ['unknown kind', { name: 'Army', kind: 'military', country: 'DEU' }, ['kind']],
      ['name too short', { name: 'X', kind: 'government', country: 'DEU' }, ['name']],
      ['name too long', { name: 'x'.repeat(201), kind: 'government', country: 'DEU' }, ['name']],
      ['unknown field', { name: 'Ministry', kind: 'government', country: 'DEU', origin: 'south' }, ['origin']],
      ['everything at once', { name: '', kind: 'multilateral', country: 'USA' }, ['country', 'name']],
    ])('%s: 400 naming it, nothing written', async (_, body, expected) => {
      const res = await http().post('/v1/providers').set(coord).send(body);
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(expected);
      expect((await db.counts()).providers).toBe(1);
    });

    it.each<[string, Json, string]>([
      ['a northern government (DEU)', { name: 'BMZ', kind: 'government', country: 'DEU' }, 'north'],
      ['a southern university (IND)', { name: 'IIT Madras', kind: 'academia', country: 'IND' }, 'south'],
      ['a southern university (KEN)', { name: 'University of Nairobi', kind: 'academia', country: 'KEN' }, 'south'],
      ['a transition economy (KAZ)', { name: 'Astana Hub', kind: 'technical-community', country: 'KAZ' }, 'south'],
      ['a multilateral organisation', { name: 'UNDP', kind: 'multilateral' }, 'multilateral'],
      ['a development bank', { name: 'African Development Bank', kind: 'development-bank', country: null }, 'multilateral'],
    ])('derives the origin of %s and stores it with its offers', async (_, body, origin) => {
      const provider = await registerProvider(svc, body);
      expect(provider).toMatchObject({ name: body.name, kind: body.kind, country: body.country ?? null, origin, version: 1 });
      const offer = await http().post('/v1/offers').set(coord).send(offerBody({ providerId: provider.id }));
      expect(offer.status).toBe(201);
      expect(offer.body).toMatchObject({ origin, provider: { name: body.name, kind: body.kind, country: body.country ?? null } });
      const listed = await http().get(`/v1/offers?origin=${origin}&providerId=${provider.id}`).set(coord);
      expect(listed.body.items.map((o: Json) => o.id)).toEqual([offer.body.id]);
    });

    it('lists providers newest first with kind and country filters', async () => {
      const ken = await registerProvider(svc, { name: 'University of Nairobi', kind: 'academia', country: 'KEN' });
      const page = await http().get('/v1/providers?limit=1').set(coord);
      expect(page.body.items.map((p: Json) => p.id)).toEqual([ken.id]);
      const next = await http().get(`/v1/providers?limit=1&cursor=${page.body.nextCursor}`).set(coord);
      expect(next.body).toEqual({ items: [north], nextCursor: null });
      expect((await http().get('/v1/providers?kind=academia&country=KEN').set(coord)).body.items).toEqual([ken]);
      expect((await http().get('/v1/providers?kind=army').set(coord)).status).toBe(400);
    });
  });

  describe('facilitators of triangular cooperation', () => {
    it('refuses a facilitator offer from a southern provider with 400 naming role', async () => {
      const south = await registerProvider(svc, { name: 'Kenya ICT Authority', kind: 'government', country: 'KEN' });
      const southDonor = await bearer({ sub: 'donor-ken', role: 'donor', providerId: south.id });
      const res = await http().post('/v1/offers').set(southDonor).send(offerBody({ role: 'facilitator' }));
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['role']);
      expect(res.body.errors.find((e: Json) => e.field === 'role').message).toMatch(/north or multilateral/);
      const asProvider = await http().post('/v1/offers').set(southDonor).send(offerBody());
      expect(asProvider.status).toBe(201);
      const turned = await http().patch(`/v1/offers/${asProvider.body.id}`).set(southDonor).send({ role: 'facilitator' });
      expect(turned.status).toBe(400);
      expect(fields(turned)).toEqual(['role']);
      expect((await db.counts()).offers).toBe(1);
    });

    it('accepts facilitator offers from northern and multilateral providers', async () => {
      const undp = await registerProvider(svc, { name: 'UNDP', kind: 'multilateral' });
      for (const providerId of [north.id, undp.id]) {
        const res = await http().post('/v1/offers').set(coord).send(offerBody({ providerId, role: 'facilitator' }));
        expect(res.status).toBe(201);
        expect(res.body.role).toBe('facilitator');
      }
    });
  });
});
