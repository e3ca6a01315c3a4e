import request from 'supertest';
import { DEVELOPMENT_JWT_SECRET } from '@capmatch/platform';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { tokenFor } from '../../../test/support/tokens';
import { ProbeModule } from './support/probe.module';

const PROBLEM = /^application\/problem\+json/;

describe('platform HTTP conventions (problem documents, auth, validation)', () => {
  let svc: StartedService;
  let coordinator: string;

  beforeAll(async () => {
    svc = await startService('requests', ProbeModule);
    coordinator = await tokenFor({ role: 'coordinator', sub: 'coord-1' });
  });
  beforeEach(() => resetState());
  afterAll(() => svc?.close());

  function expectProblem(res: request.Response, status: number) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body).toEqual(
      expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }),
    );
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
  }

  describe('authentication', () => {
    it('401 without a token, with WWW-Authenticate: Bearer', async () => {
      const res = await request(svc.http).get('/v1/probes/me');
      expectProblem(res, 401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('401 for an expired token', async () => {
      const token = await tokenFor({ role: 'admin', expiresIn: -60 });
      const res = await request(svc.http).get('/v1/probes/me').auth(token, { type: 'bearer' });
      expectProblem(res, 401);
      expect(res.body.detail).toMatch(/expired/);
    });

    it('401 for a token signed with another secret (the development one included)', async () => {
      for (const secret of ['another-secret-that-is-long-enough-0123456789', DEVELOPMENT_JWT_SECRET]) {
        const token = await tokenFor({ role: 'admin', secret });
        expectProblem(await request(svc.http).get('/v1/probes/me').auth(token, { type: 'bearer' }), 401);
      }
    });

    it('401 when the claims break the contract', async () => {
      const bad = [
        await tokenFor({ role: 'country' }),
        await tokenFor({ role: 'country', country: 'rwa' }),
        await tokenFor({ role: 'donor', providerId: 'not-a-uuid' }),
        await tokenFor({ role: 'superuser' as never }),
      ];
      for (const token of bad) {
        expectProblem(await request(svc.http).get('/v1/probes/me').auth(token, { type: 'bearer' }), 401);
      }
    });

    it('403 for a role the route does not allow', async () => {
      const token = await tokenFor({ role: 'country', country: 'RWA' });
      expectProblem(await request(svc.http).get('/v1/probes/coordination').auth(token, { type: 'bearer' }), 403);
    });

    it('passes the validated user to the handler', async () => {
      const providerId = '0b6c1f43-8f6c-4d2b-9a50-1f0f2e8b9c11';
      const token = await tokenFor({ role: 'donor', providerId, sub: 'donor-7' });
      const res = await request(svc.http).get('/v1/probes/me').auth(token, { type: 'bearer' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ sub: 'donor-7', role: 'donor', providerId });
    });

    it('needs no token for @Public routes, health, metrics and docs', async () => {
      for (const path of ['/v1/probes/public', '/health/live', '/health/ready', '/metrics', '/docs-json']) {
        expect((await request(svc.http).get(path)).status).toBe(200);
      }
    });
  });

  describe('problem documents', () => {
    it('400 naming an unknown field and nested fields with dotted paths', async () => {
      const res = await request(svc.http)
        .post('/v1/probes')
        .auth(coordinator, { type: 'bearer' })
        .send({ name: 'ok name', capacityAreas: ['nope'], window: { start: 'x', end: '2027-01-01' }, extra: 1 });
      expectProblem(res, 400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['extra', 'capacityAreas', 'window.start']));
      expect(fields).not.toContain('window.end');
    });

    it('400 for malformed JSON', async () => {
      const res = await request(svc.http)
        .post('/v1/probes')
        .auth(coordinator, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send('{"name": ');
      expectProblem(res, 400);
    });

    it('404 for an unknown route', async () => {
      expectProblem(await request(svc.http).get('/v1/nowhere').auth(coordinator, { type: 'bearer' }), 404);
    });

    it('413 for a body over 256 KiB', async () => {
      const res = await request(svc.http)
        .post('/v1/probes')
        .auth(coordinator, { type: 'bearer' })
        .send({ name: 'x'.repeat(300 * 1024) });
      expectProblem(res, 413);
    });

    it('500 with a generic detail for an unexpected error, never its message or stack', async () => {
      const res = await request(svc.http).post('/v1/probes/fail').auth(coordinator, { type: 'bearer' });
      expectProblem(res, 500);
      expect(JSON.stringify(res.body)).not.toContain('boom');
    });

    it('400, not 500, when Postgres refuses a value the client sent', async () => {
      expectProblem(await request(svc.http).get('/v1/probes/raw/not-a-uuid').auth(coordinator, { type: 'bearer' }), 400);
    });

    it('echoes x-request-id, or makes one', async () => {
      const given = await request(svc.http).get('/health/live').set('x-request-id', 'trace-123');
      expect(given.headers['x-request-id']).toBe('trace-123');
      const made = await request(svc.http).get('/health/live');
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('If-Match', () => {
    const id = '2a4b6c8d-0e1f-4a2b-8c3d-4e5f6a7b8c9d';
    it('reads "<version>" and rejects anything else naming If-Match', async () => {
      const ok = await request(svc.http).patch(`/v1/probes/${id}`).auth(coordinator, { type: 'bearer' }).set('If-Match', '"3"');
      expect(ok.body).toEqual({ id, version: 3 });
      const none = await request(svc.http).patch(`/v1/probes/${id}`).auth(coordinator, { type: 'bearer' });
      expect(none.body).toEqual({ id, version: null });
      const bad = await request(svc.http).patch(`/v1/probes/${id}`).auth(coordinator, { type: 'bearer' }).set('If-Match', 'abc');
      expectProblem(bad, 400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    });
  });
});
