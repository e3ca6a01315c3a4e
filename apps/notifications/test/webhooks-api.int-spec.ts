// The webhooks API of the notifications service: registration rules, ownership, the URL
// policy at registration and again at delivery, and the secret sealed at rest.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { waitFor } from '../../../libs/platform/test/bus/support/wait-for';
import { sql } from '../../../test/support/sql';
import { tokenFor } from '../../../test/support/tokens';
import { envelopeOf, offerOf, suggestionOf } from './events';
import { notificationsRig } from './rig';

const coordinator = () => tokenFor({ role: 'coordinator', sub: 'api-coordinator' });

describe('webhooks without WEBHOOK_ALLOW_PRIVATE', () => {
  const rig = notificationsRig({ WEBHOOK_ALLOW_PRIVATE: 'false' });

  it.each([
    'http://hooks.example.org/capmatch',
    'https://127.0.0.1/hook',
    'https://localhost/hook',
    'https://[::1]/hook',
    'https://10.0.0.8/hook',
    'https://192.168.1.20/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://[fd00:ec2::254]/hook',
    'https://[::ffff:127.0.0.1]/hook',
  ])('refuses %s with 400 on url', async (url) => {
    const res = await request(rig.svc.http).post('/v1/webhooks').auth(await coordinator(), { type: 'bearer' })
      .send({ url, events: ['suggestion.proposed'] });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
    expect((await sql('SELECT id FROM notifications.webhooks'))).toEqual([]);
  });

  it('refuses at delivery a receiver that now resolves to a private address, without sending', async () => {
    // As if registered while its host still resolved to a public address (DNS rebinding).
    const id = randomUUID();
    await sql(
      `INSERT INTO notifications.webhooks (id, owner_sub, owner_role, url, events, secret)
       VALUES ($1, 'api-coordinator', 'coordinator', $2, ARRAY['suggestion.proposed'], 'plain:whsec_c2VjcmV0')`,
      [id, rig.receiver.url('/rebound')],
    );
    const offer = offerOf(randomUUID());
    await rig.feed.publish(envelopeOf('offer.published', offer), envelopeOf('suggestion.proposed', suggestionOf('RWA', [offer.id])));
    const attempts = async () =>
      (await request(rig.svc.http).get(`/v1/webhooks/${id}/deliveries`).auth(await coordinator(), { type: 'bearer' })).body.items;
    await waitFor('the first attempt', async () => (await attempts()).length > 0);
    const [first] = await attempts();
    expect(first).toMatchObject({ attempt: 1, status: 'retrying', statusCode: null });
    expect(first.error).toMatch(/not sent: .*127\.0\.0\.1.*private/);
    expect(rig.receiver.received).toEqual([]);
  });
});

describe('webhooks API', () => {
  const key = randomBytes(32).toString('base64');
  const rig = notificationsRig({ WEBHOOK_ALLOW_PRIVATE: 'true', WEBHOOK_ENCRYPTION_KEY: key });

  const register = async (token: string, body: Record<string, unknown>) =>
    request(rig.svc.http).post('/v1/webhooks').auth(token, { type: 'bearer' }).send(body);

  it('registers a webhook, shows the secret once and stores it encrypted', async () => {
    const token = await tokenFor({ role: 'country', country: 'RWA' });
    const res = await register(token, { url: rig.receiver.url('/rwa'), events: ['suggestion.proposed', 'partnership.proposed'], description: 'ministry' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      url: rig.receiver.url('/rwa'), events: ['suggestion.proposed', 'partnership.proposed'], description: 'ministry', enabled: true,
      owner: { sub: 'country:RWA', role: 'country' }, version: 1, failingSince: null, disabledAt: null,
    });
    expect(res.body.secret).toMatch(/^whsec_/);

    const listed = await request(rig.svc.http).get('/v1/webhooks').auth(token, { type: 'bearer' });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((w: { id: string }) => w.id)).toEqual([res.body.id]);
    expect(listed.body.items[0].secret).toBeUndefined();
    const one = await request(rig.svc.http).get(`/v1/webhooks/${res.body.id}`).auth(token, { type: 'bearer' });
    expect(one.body.secret).toBeUndefined();

    const [row] = await sql<{ secret: string }>('SELECT secret FROM notifications.webhooks WHERE id = $1', [res.body.id]);
    expect(row.secret).toMatch(/^aes256gcm:/);
    expect(row.secret).not.toContain(res.body.secret.slice(6));
  });

  it('honours Idempotency-Key: the same call again answers the first webhook and creates nothing', async () => {
    const token = await tokenFor({ role: 'country', country: 'BTN' });
    const body = { url: rig.receiver.url('/btn'), events: ['partnership.agreed'] };
    const first = await request(rig.svc.http).post('/v1/webhooks').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'btn-1').send(body);
    const again = await request(rig.svc.http).post('/v1/webhooks').auth(token, { type: 'bearer' }).set('Idempotency-Key', 'btn-1').send(body);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const listed = await request(rig.svc.http).get('/v1/webhooks').auth(token, { type: 'bearer' });
    expect(listed.body.items).toHaveLength(1);
  });

  it('names every bad field', async () => {
    const res = await register(await coordinator(), { url: 42, events: ['request.submitted'], colour: 'red' });
    expect(res.status).toBe(400);
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(['colour', 'events', 'url']);
    const empty = await register(await coordinator(), { url: rig.receiver.url('/x'), events: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors.map((e: { field: string }) => e.field)).toEqual(['events']);
    const unauthenticated = await request(rig.svc.http).post('/v1/webhooks').send({ url: rig.receiver.url('/x'), events: ['suggestion.proposed'] });
    expect(unauthenticated.status).toBe(401);
  });

  it("answers 404 for another user's webhook, and lets an admin manage it", async () => {
    const donor = await tokenFor({ role: 'donor', providerId: randomUUID() });
    const created = await register(donor, { url: rig.receiver.url('/donor'), events: ['partnership.agreed'] });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const other = await tokenFor({ role: 'donor', providerId: randomUUID() });
    const country = await tokenFor({ role: 'country', country: 'SEN' });
    for (const token of [other, country, await coordinator()]) {
      expect((await request(rig.svc.http).get(`/v1/webhooks/${id}`).auth(token, { type: 'bearer' })).status).toBe(404);
      expect((await request(rig.svc.http).get(`/v1/webhooks/${id}/deliveries`).auth(token, { type: 'bearer' })).status).toBe(404);
      expect((await request(rig.svc.http).patch(`/v1/webhooks/${id}`).auth(token, { type: 'bearer' }).send({ enabled: false })).status).toBe(404);
      expect((await request(rig.svc.http).delete(`/v1/webhooks/${id}`).auth(token, { type: 'bearer' })).status).toBe(404);
      const listed = await request(rig.svc.http).get('/v1/webhooks').auth(token, { type: 'bearer' });
      expect(listed.body.items.map((w: { id: string }) => w.id)).not.toContain(id);
    }
    expect((await request(rig.svc.http).get(`/v1/webhooks/${randomUUID()}`).auth(donor, { type: 'bearer' })).status).toBe(404);
    const bad = await request(rig.svc.http).get('/v1/webhooks/not-a-uuid').auth(donor, { type: 'bearer' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('id');

    const admin = await tokenFor({ role: 'admin', sub: 'api-admin' });
    expect((await request(rig.svc.http).get(`/v1/webhooks/${id}`).auth(admin, { type: 'bearer' })).status).toBe(200);
    expect((await request(rig.svc.http).delete(`/v1/webhooks/${id}`).auth(admin, { type: 'bearer' })).status).toBe(204);
    expect((await request(rig.svc.http).get(`/v1/webhooks/${id}`).auth(donor, { type: 'bearer' })).status).toBe(404);
  });

  it('changes a webhook under If-Match and pauses or re-enables it', async () => {
    const token = await coordinator();
    const created = await register(token, { url: rig.receiver.url('/patch'), events: ['partnership.ended'] });
    const id = created.body.id as string;
    const patch = (body: Record<string, unknown>, version?: number) => {
      const call = request(rig.svc.http).patch(`/v1/webhooks/${id}`).auth(token, { type: 'bearer' });
      return (version === undefined ? call : call.set('If-Match', `"${version}"`)).send(body);
    };
    const paused = await patch({ enabled: false }, 1);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ enabled: false, version: 2 });
    expect(paused.body.disabledAt).not.toBeNull();
    expect((await patch({ enabled: true }, 1)).status).toBe(409);
    const again = await patch({ enabled: true, events: ['partnership.ended', 'partnership.agreed'] }, 2);
    expect(again.body).toMatchObject({ enabled: true, disabledAt: null, events: ['partnership.ended', 'partnership.agreed'], version: 3 });
    expect((await patch({ enabled: true })).body.version).toBe(3); // nothing changed
    const refused = await patch({ events: ['offer.published'], url: 'ftp://x' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['events']);
    const badUrl = await patch({ url: 'ftp://x.example/' });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors.map((e: { field: string }) => e.field)).toEqual(['url']);
  });

  it('answers problem documents for bad paging input', async () => {
    const res = await request(rig.svc.http).get('/v1/webhooks?limit=0').auth(await coordinator(), { type: 'bearer' });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('limit');
  });

  it('serves health, docs and metrics', async () => {
    expect((await request(rig.svc.http).get('/health/ready')).status).toBe(200);
    const docs = await request(rig.svc.http).get('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/v1/webhooks', '/v1/webhooks/{id}', '/v1/webhooks/{id}/deliveries']),
    );
    expect((await request(rig.svc.http).get('/metrics')).text).toContain('capmatch_webhook_attempts_total');
  });
});
