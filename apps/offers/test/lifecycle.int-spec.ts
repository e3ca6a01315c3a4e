import request from 'supertest';
import { validateEvent } from '@capmatch/contracts';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { AppModule } from '../src/app.module';
import { bearer, coordinatorHeaders, type Json, offerBody, OffersDb, PartnershipSender, registerProvider } from './offers-fixtures';

describe('offers lifecycle', () => {
  let svc: StartedService;
  let db: OffersDb;
  let partnerships: PartnershipSender;
  let provider: Json;
  let donor: Record<string, string>;
  const http = () => request(svc.http);

  beforeAll(async () => {
    svc = await startService('offers', AppModule);
    db = await OffersDb.connect();
    partnerships = new PartnershipSender();
  });
  beforeEach(async () => {
    await resetState();
    provider = await registerProvider(svc, { name: 'Federal Ministry for Economic Cooperation', kind: 'government', country: 'DEU' });
    donor = await bearer({ sub: 'donor-deu', role: 'donor', providerId: provider.id });
  });
  afterAll(async () => {
    await partnerships?.close();
    await db?.close();
    await svc?.close();
  });

  const publish = async (overrides: Json = {}) => {
    const res = await http().post('/v1/offers').set(donor).send(offerBody(overrides));
    expect(res.status).toBe(201);
    return res.body as Json;
  };
  const read = async (id: string) => (await http().get(`/v1/offers/${id}`).set(donor)).body as Json;

  it('publishes the full snapshot, with provider and origin, and one offer.published event carrying it', async () => {
    const offer = await publish();
    expect(offer).toMatchObject({
      providerId: provider.id,
      provider: { name: provider.name, kind: 'government', country: 'DEU' },
      origin: 'north',
      status: 'open',
      slots: 3,
      remainingSlots: 3,
      version: 1,
      civilianUseOnly: true,
      role: 'provider',
    });
    const events = await db.events(offer.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'offer.published', version: 1 });
    expect(events[0].payload).toEqual(offer);
    const envelope = { id: events[0].id, type: events[0].type, occurredAt: new Date().toISOString(), aggregateId: offer.id, version: 1, payload: events[0].payload };
    expect(() => validateEvent(envelope)).not.toThrow();
    expect(await read(offer.id)).toEqual(offer);
  });

  it('fills the defaults of optional fields', async () => {
    const body = offerBody();
    for (const k of ['sdgs', 'targetGroups', 'eligibility', 'budgetUsd', 'role', 'openSource', 'technologyTransferTerms']) delete body[k];
    const res = await http().post('/v1/offers').set(donor).send(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      sdgs: [],
      targetGroups: [],
      eligibility: { regions: [], countries: [], groups: [] },
      budgetUsd: null,
      role: 'provider',
      openSource: false,
      technologyTransferTerms: null,
    });
  });

  it('answers a repeated Idempotency-Key with the first answer and creates nothing', async () => {
    const first = await http().post('/v1/offers').set(donor).set('Idempotency-Key', 'k-1').send(offerBody());
    const again = await http().post('/v1/offers').set(donor).set('Idempotency-Key', 'k-1').send(offerBody());
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await db.counts()).toMatchObject({ offers: 1, history: 1, outbox: 1 });
  });

  it('answers a repeated Idempotency-Key on provider registration with the first provider', async () => {
    const h = { ...(await coordinatorHeaders()), 'Idempotency-Key': 'p-1' };
    const body = { name: 'Kenya AI Institute', kind: 'academia', country: 'KEN' };
    const first = await http().post('/v1/providers').set(h).send(body);
    const again = await http().post('/v1/providers').set(h).send(body);
    expect(first.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await db.counts()).providers).toBe(2);
  });

  it('edits with a version bump, one offer.updated event and a field-level history entry', async () => {
    const offer = await publish();
    const res = await http().patch(`/v1/offers/${offer.id}`).set(donor).set('If-Match', '"1"').send({ slots: 5, title: 'Open voice data' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slots: 5, remainingSlots: 5, title: 'Open voice data', version: 2 });
    const events = await db.events(offer.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([['offer.published', 1], ['offer.updated', 2]]);
    expect(events[1].payload).toEqual(res.body);
    const history = (await http().get(`/v1/offers/${offer.id}/history`).set(donor)).body.items;
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      action: 'updated',
      version: 2,
      actor: { sub: 'donor-deu', role: 'donor' },
      changes: [
        { field: 'title', from: offer.title, to: 'Open voice data' },
        { field: 'slots', from: 3, to: 5 },
        { field: 'remainingSlots', from: 3, to: 5 },
      ],
    });
  });

  it('answers 409 when If-Match names a version that moved on, and changes nothing', async () => {
    const offer = await publish();
    await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ slots: 4 }).expect(200);
    const stale = await http().patch(`/v1/offers/${offer.id}`).set(donor).set('If-Match', '"1"').send({ slots: 6 });
    expect(stale.status).toBe(409);
    expect((await read(offer.id)).slots).toBe(4);
    const bad = await http().patch(`/v1/offers/${offer.id}`).set(donor).set('If-Match', 'yesterday').send({ slots: 6 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it('a partnership takes one slot, once, even when sent twice or under another event id', async () => {
    const offer = await publish({ slots: 2 });
    const event = await partnerships.send([offer.id]);
    expect(await read(offer.id)).toMatchObject({ remainingSlots: 1, status: 'open', version: 2 });
    await partnerships.send([offer.id], { partnershipId: event.payload.id, eventId: event.id, jobId: `${event.id}-redelivered` });
    await partnerships.send([offer.id], { partnershipId: event.payload.id });
    expect(await read(offer.id)).toMatchObject({ remainingSlots: 1, version: 2 });
    const events = await db.events(offer.id);
    expect(events.map((e) => [e.type, e.version, e.payload.remainingSlots])).toEqual([
      ['offer.published', 1, 2],
      ['offer.updated', 2, 1],
    ]);
    expect(await partnerships.failedCount()).toBe(0);
  });

  it('exhausts the offer at zero slots with an offer.updated event, and never goes below zero', async () => {
    const offer = await publish({ slots: 1 });
    const first = await partnerships.send([offer.id]);
    const exhausted = await read(offer.id);
    expect(exhausted).toMatchObject({ remainingSlots: 0, status: 'exhausted', version: 2 });
    const last = (await db.events(offer.id)).at(-1);
    expect(last).toMatchObject({ type: 'offer.updated', version: 2 });
    expect(last?.payload).toEqual(exhausted);

    const late = await partnerships.send([offer.id]);
    expect(await read(offer.id)).toEqual(exhausted);
    expect(await db.events(offer.id)).toHaveLength(2);
    const history = (await http().get(`/v1/offers/${offer.id}/history`).set(donor)).body.items as Json[];
    expect(history.map((h) => [h.action, h.version, h.partnershipId])).toEqual([
      ['published', 1, null],
      ['slot-allocated', 2, first.payload.id],
      ['allocation-refused', 2, late.payload.id],
    ]);
    expect(history[1]).toMatchObject({ actor: { sub: 'matching', role: 'system' }, eventId: first.id });
  });

  it('partnerships racing for the last slots: exactly the slots available are taken, versions stay contiguous', async () => {
    const offer = await publish({ slots: 3 });
    await partnerships.sendAll(Array.from({ length: 6 }, () => ({ offerIds: [offer.id] })));
    expect(await read(offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted', version: 4 });
    const events = await db.events(offer.id);
    expect(events.map((e) => [e.version, e.payload.remainingSlots])).toEqual([[1, 3], [2, 2], [3, 1], [4, 0]]);
    const history = (await http().get(`/v1/offers/${offer.id}/history`).set(donor)).body.items as Json[];
    expect(history.filter((h) => h.action === 'slot-allocated')).toHaveLength(3);
    expect(history.filter((h) => h.action === 'allocation-refused')).toHaveLength(3);
    expect(await partnerships.failedCount()).toBe(0);
  });

  it('a triangular partnership takes one slot of each of its two offers', async () => {
    const southern = await registerProvider(svc, { name: 'Kenya ICT Authority', kind: 'government', country: 'KEN' });
    const southDonor = await bearer({ sub: 'donor-ken', role: 'donor', providerId: southern.id });
    const provided = (await http().post('/v1/offers').set(southDonor).send(offerBody({ slots: 2 }))).body;
    const facilitated = await publish({ role: 'facilitator', slots: 2 });
    await partnerships.send([provided.id, facilitated.id]);
    expect((await http().get(`/v1/offers/${provided.id}`).set(southDonor)).body).toMatchObject({ remainingSlots: 1, version: 2 });
    expect(await read(facilitated.id)).toMatchObject({ remainingSlots: 1, version: 2 });
  });

  it('skips an unknown offer and still counts the known ones of the partnership', async () => {
    const offer = await publish({ slots: 2 });
    await partnerships.send(['00000000-0000-4000-8000-000000000000', offer.id]);
    expect((await read(offer.id)).remainingSlots).toBe(1);
    expect(await partnerships.failedCount()).toBe(0);
  });

  it('refuses to lower slots below those used (409), reopens an exhausted offer whose slots are raised', async () => {
    const offer = await publish({ slots: 2 });
    await partnerships.send([offer.id]);
    await partnerships.send([offer.id]);
    expect((await read(offer.id)).status).toBe('exhausted');
    const below = await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ slots: 1 });
    expect(below.status).toBe(409);
    expect(below.body.detail).toMatch(/2 slot/);
    const raised = await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ slots: 3 });
    expect(raised.body).toMatchObject({ slots: 3, remainingSlots: 1, status: 'open' });
  });

  it('withdraws once with the reason in the history; then edits and withdrawals answer 409', async () => {
    const offer = await publish();
    const res = await http().post(`/v1/offers/${offer.id}/withdraw`).set(donor).send({ reason: 'Budget cut' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await db.events(offer.id)).at(-1)).toMatchObject({ type: 'offer.withdrawn', version: 2 });
    expect((await http().post(`/v1/offers/${offer.id}/withdraw`).set(donor).send({})).status).toBe(409);
    expect((await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ slots: 9 })).status).toBe(409);
    const history = (await http().get(`/v1/offers/${offer.id}/history`).set(donor)).body.items as Json[];
    expect(history.at(-1)).toMatchObject({ action: 'withdrawn', reason: 'Budget cut', changes: [{ field: 'status', from: 'open', to: 'withdrawn' }] });
  });

  it('an edit that changes nothing writes nothing', async () => {
    const offer = await publish();
    const res = await http().patch(`/v1/offers/${offer.id}`).set(donor).send({ slots: offer.slots });
    expect(res.body).toEqual(offer);
    expect(await db.counts()).toMatchObject({ history: 1, outbox: 1 });
  });

  it('lists newest first with filters and cursor pagination', async () => {
    const a = await publish({ capacityAreas: ['compute'] });
    const b = await publish();
    const c = await publish();
    await http().post(`/v1/offers/${b.id}/withdraw`).set(donor).send({}).expect(200);
    const coord = await coordinatorHeaders();
    const page1 = await http().get('/v1/offers?limit=2').set(coord);
    expect(page1.body.items.map((o: Json) => o.id)).toEqual([c.id, b.id]);
    const page2 = await http().get(`/v1/offers?limit=2&cursor=${page1.body.nextCursor}`).set(coord);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    const ids = async (q: string) => (await http().get(`/v1/offers?${q}`).set(coord)).body.items.map((o: Json) => o.id);
    expect(await ids('status=withdrawn')).toEqual([b.id]);
    expect(await ids('capacityArea=compute')).toEqual([a.id]);
    expect(await ids(`providerId=${provider.id}&origin=north`)).toEqual([c.id, b.id, a.id]);
    expect(await ids('origin=south')).toEqual([]);
    const bad = await http().get('/v1/offers?status=lost&origin=east&limit=0&cursor=zzz').set(coord);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field).sort()).toEqual(['limit', 'origin', 'status']);
  });
});
