import type Redis from 'ioredis';
import request from 'supertest';
import { PLATFORM_REDIS } from '@capmatch/platform';
import { startService, type StartedService } from '../../../test/support/app';
import { resetState } from '../../../test/support/reset';
import { tokenFor } from '../../../test/support/tokens';
import { gate, ProbeModule } from './support/probe.module';

describe('platform operations', () => {
  beforeEach(() => resetState());

  describe('rate limit', () => {
    let svc: StartedService;
    beforeAll(async () => {
      svc = await startService('requests', ProbeModule, { RATE_LIMIT_PER_MINUTE: '3' });
    });
    afterAll(() => svc?.close());

    it('429 with Retry-After past the limit, per caller; health and metrics are never limited', async () => {
      const alice = await tokenFor({ role: 'admin', sub: 'alice' });
      const bob = await tokenFor({ role: 'admin', sub: 'bob' });
      for (let i = 0; i < 3; i++) expect((await request(svc.http).get('/v1/probes/me').auth(alice, { type: 'bearer' })).status).toBe(200);
      const limited = await request(svc.http).get('/v1/probes/me').auth(alice, { type: 'bearer' });
      expect(limited.status).toBe(429);
      expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // The budget is the caller's, across routes.
      expect((await request(svc.http).get('/v1/probes/public').auth(alice, { type: 'bearer' })).status).toBe(429);
      expect((await request(svc.http).get('/v1/probes/me').auth(bob, { type: 'bearer' })).status).toBe(200);
      for (let i = 0; i < 5; i++) {
        expect((await request(svc.http).get('/health/live')).status).toBe(200);
        expect((await request(svc.http).get('/metrics')).status).toBe(200);
      }
    });
  });

  describe('health, metrics, docs and drain', () => {
    let svc: StartedService;
    beforeAll(async () => {
      svc = await startService('requests', ProbeModule);
    });
    afterAll(() => svc?.close());

    it('serves the OpenAPI document with the bearer scheme and the UI', async () => {
      const json = await request(svc.http).get('/docs-json');
      expect(json.body.components.securitySchemes.bearer).toEqual(expect.objectContaining({ scheme: 'bearer' }));
      expect((await request(svc.http).get('/docs')).text).toMatch(/swagger/i);
    });

    it('counts requests by route pattern in /metrics', async () => {
      const token = await tokenFor({ role: 'admin' });
      await request(svc.http).patch('/v1/probes/2a4b6c8d-0e1f-4a2b-8c3d-4e5f6a7b8c9d').auth(token, { type: 'bearer' });
      const res = await request(svc.http).get('/metrics');
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.text).toMatch(/http_request_duration_seconds_count\{method="PATCH",route="\/v1\/probes\/:id",status="200"\} \d+/);
      expect(res.text).toContain('process_cpu_user_seconds_total');
    });

    it('ready answers 200 while Postgres and Redis answer', async () => {
      const res = await request(svc.http).get('/health/ready');
      expect(res.status).toBe(200);
      expect(res.body.details).toEqual({ postgres: { status: 'up' }, redis: { status: 'up' } });
    });

    it('ready answers 503 naming the failing check when Redis is gone, 200 once it is back', async () => {
      const redis = svc.app.get<Redis>(PLATFORM_REDIS);
      redis.disconnect();
      const res = await request(svc.http).get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.checks.redis.status).toBe('down');
      expect(res.body.checks.postgres.status).toBe('up');
      await redis.connect();
      expect((await request(svc.http).get('/health/ready')).status).toBe(200);
    });

    it('drains: an in-flight request finishes while the service closes', async () => {
      const inFlight = request(svc.http).get('/v1/probes/slow').then((r) => r);
      await gate.entered.promise;
      const closing = svc.close();
      gate.released.resolve();
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ finished: true });
      await closing;
    });
  });
});
