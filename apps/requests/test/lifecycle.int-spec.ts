import { requestBody, requestsWorld, type Caller } from './requests-fixtures';

describe('requests lifecycle', () => {
  const world = requestsWorld();
  const { http } = world;


  const submit = async (overrides: Record<string, unknown> = {}, who: Caller = 'own') => {
    const res = await http().post('/v1/requests').set(world.h[who]).send(requestBody(overrides));
    expect(res.status).toBe(201);
    return res.body;
  };

  it('submits with the classification of the day and publishes request.submitted carrying the full request', async () => {
    const created = await submit();
    expect(created).toMatchObject({
      country: 'RWA',
      status: 'open',
      version: 1,
      classification: { region: 'africa', subregion: 'sub-saharan-africa', developmentStatus: 'developing', ldc: true, lldc: true },
    });
    expect(created.createdAt).toBe(created.updatedAt);
    const events = await world.db.events();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'request.submitted', version: 1, aggregate_id: created.id });
    expect(events[0].payload).toEqual(created);
    expect(await (await http().get(`/v1/requests/${created.id}`).set(world.h.own)).body).toEqual(created);
  });

  it('fills the defaults: all cooperation types, medium priority, empty lists, null budget', async () => {
    const body = requestBody();
    for (const k of ['sdgs', 'targetGroups', 'cooperationTypes', 'budgetUsd', 'nationalStrategyRef', 'priority']) delete body[k];
    const res = await http().post('/v1/requests').set(world.h.own).send(body);
    expect(res.body).toMatchObject({
      sdgs: [],
      targetGroups: [],
      cooperationTypes: ['north-south', 'south-south', 'triangular', 'multilateral'],
      budgetUsd: null,
      nationalStrategyRef: null,
      priority: 'medium',
    });
  });

  it('lets a coordinator submit for an eligible country named in the body', async () => {
    const created = await submit({ country: 'FJI' }, 'coordinator');
    expect(created).toMatchObject({ country: 'FJI', classification: { region: 'oceania', sids: true } });
  });

  it('answers a repeated Idempotency-Key with the first answer and creates nothing', async () => {
    const first = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'k-1').send(requestBody());
    const again = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'k-1').send(requestBody());
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
    const other = await http().post('/v1/requests').set(world.h.own).set('Idempotency-Key', 'k-2').send(requestBody());
    expect(other.body.id).not.toBe(first.body.id);
    expect((await world.db.counts()).requests).toBe(2);
  });

  it('updates, bumping the version by one with one request.updated event and a field-level history entry', async () => {
    const created = await submit();
    const res = await http()
      .patch(`/v1/requests/${created.id}`)
      .set(world.h.own)
      .set('If-Match', '"1"')
      .send({ title: 'Speech data for Kinyarwanda', window: { end: '2028-06-30' }, budgetUsd: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ version: 2, title: 'Speech data for Kinyarwanda', budgetUsd: null, window: { start: '2027-01-01', end: '2028-06-30' } });
    expect(res.body.createdAt).toBe(created.createdAt);
    const events = await world.db.events(created.id);
    expect(events.map((e) => [e.type, e.version])).toEqual([['request.submitted', 1], ['request.updated', 2]]);
    expect(events[1].payload).toEqual(res.body);
    const history = (await http().get(`/v1/requests/${created.id}/history`).set(world.h.own)).body.items;
    expect(history[1]).toMatchObject({
      action: 'updated',
      actor: { sub: 'focal-rwa', role: 'country' },
      version: 2,
      changes: [
        { field: 'title', from: created.title, to: 'Speech data for Kinyarwanda' },
        { field: 'budgetUsd', from: 250000, to: null },
        { field: 'window', from: { start: '2027-01-01', end: '2027-12-31' }, to: { start: '2027-01-01', end: '2028-06-30' } },
      ],
    });
  });

  it('answers 409 when If-Match names an old version, and writes nothing', async () => {
    const created = await submit();
    await http().patch(`/v1/requests/${created.id}`).set(world.h.own).send({ priority: 'low' }).expect(200);
    const before = await world.db.counts();
    const res = await http().patch(`/v1/requests/${created.id}`).set(world.h.own).set('If-Match', '"1"').send({ priority: 'high' });
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await world.db.counts()).toEqual(before);
    await http().patch(`/v1/requests/${created.id}`).set(world.h.own).set('If-Match', '"2"').send({ priority: 'high' }).expect(200);
  });

  it('lets exactly one of two racing PATCHes with the same If-Match win', async () => {
    const created = await submit();
    const race = await Promise.all(
      ['low', 'medium'].map((priority) =>
        http().patch(`/v1/requests/${created.id}`).set(world.h.own).set('If-Match', '"1"').send({ priority }),
      ),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await world.db.events(created.id)).map((e) => e.version)).toEqual([1, 2]);
  });

  it('refuses a malformed If-Match with 400 naming it', async () => {
    const created = await submit();
    const res = await http().patch(`/v1/requests/${created.id}`).set(world.h.own).set('If-Match', 'yesterday').send({ priority: 'low' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it('checks the window against the merged result', async () => {
    const created = await submit();
    const before = await world.db.counts();
    const res = await http().patch(`/v1/requests/${created.id}`).set(world.h.own).send({ window: { start: '2028-01-01' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'window.end' })]);
    expect(await world.db.counts()).toEqual(before);
  });

  it('treats a patch that changes nothing as no change: same version, no event', async () => {
    const created = await submit();
    const res = await http().patch(`/v1/requests/${created.id}`).set(world.h.own).send({ title: created.title, sdgs: [10, 9, 4] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(created);
    expect(await world.db.counts()).toEqual({ requests: 1, history: 1, outbox: 1 });
  });

  it('withdraws once with a reason; then editing or withdrawing again is 409 and writes nothing', async () => {
    const created = await submit();
    const res = await http().post(`/v1/requests/${created.id}/withdraw`).set(world.h.own).send({ reason: 'Funded nationally' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', version: 2 });
    const events = await world.db.events(created.id);
    expect(events.map((e) => e.type)).toEqual(['request.submitted', 'request.withdrawn']);
    expect(events[1].payload).toEqual(res.body);
    const before = await world.db.counts();
    await http().post(`/v1/requests/${created.id}/withdraw`).set(world.h.own).send({}).expect(409);
    await http().patch(`/v1/requests/${created.id}`).set(world.h.own).send({ title: 'Too late now' }).expect(409);
    await http().post(`/v1/requests/${created.id}/withdraw`).set(world.h.coordinator).send().expect(409);
    expect(await world.db.counts()).toEqual(before);
    const history = (await http().get(`/v1/requests/${created.id}/history`).set(world.h.coordinator)).body.items;
    expect(history.map((e: { action: string }) => e.action)).toEqual(['submitted', 'withdrawn']);
    expect(history[1]).toMatchObject({
      reason: 'Funded nationally',
      actor: { sub: 'focal-rwa', role: 'country' },
      changes: [{ field: 'status', from: 'open', to: 'withdrawn' }],
    });
  });

  it('pages the history oldest first', async () => {
    const created = await submit();
    for (const priority of ['low', 'medium', 'high']) {
      await http().patch(`/v1/requests/${created.id}`).set(world.h.admin).send({ priority }).expect(200);
    }
    const first = await http().get(`/v1/requests/${created.id}/history?limit=3`).set(world.h.own);
    expect(first.body.items.map((e: { version: number }) => e.version)).toEqual([1, 2, 3]);
    const next = await http().get(`/v1/requests/${created.id}/history?limit=3&cursor=${first.body.nextCursor}`).set(world.h.own);
    expect(next.body).toEqual({ items: [expect.objectContaining({ version: 4, actor: { sub: 'admin-1', role: 'admin' } })], nextCursor: null });
  });

  it('emits exactly one event per change, versions 1, 2, 3… with the full request each time', async () => {
    const created = await submit();
    const answers = [created];
    answers.push((await http().patch(`/v1/requests/${created.id}`).set(world.h.own).send({ sdgs: [1] })).body);
    answers.push((await http().patch(`/v1/requests/${created.id}`).set(world.h.coordinator).send({ modalities: ['workshop'] })).body);
    answers.push((await http().post(`/v1/requests/${created.id}/withdraw`).set(world.h.admin).send({})).body);
    const events = await world.db.events(created.id);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(events.map((e) => e.payload)).toEqual(answers);
  });
});
