// Outages (issue 11, item 2): with Redis away, calls that need no Redis keep answering (the rate
// limiter fails open, counted on /metrics), writes go on through the outbox, and a call without
// a token is still 401. With Postgres away, data endpoints answer 503 with Retry-After as a
// problem document. Redis is a redis-server of this test's own; Postgres is taken away by
// closing a TCP proxy in front of it. The shared servers are never touched.
import request from 'supertest';
import { AppModule } from '../../apps/requests/src/app.module';
import { requestBody } from '../../apps/requests/test/requests-fixtures';
import { TcpProxy } from '../../libs/platform/test/bus/support/tcp-proxy';
import { startService, type StartedService } from '../support/app';
import { tokenFor } from '../support/tokens';
import { OwnRedis } from './redis-server';

const problemOf = (res: request.Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toEqual(expect.objectContaining({ type: expect.any(String), title: expect.any(String), status, detail: expect.any(String) }));
};

describe('outages of Redis and Postgres', () => {
  const redis = new OwnRedis();
  const postgres = new TcpProxy({ host: new URL(process.env.DATABASE_URL as string).hostname, port: Number(new URL(process.env.DATABASE_URL as string).port || 5432) });
  let svc: StartedService;
  let auth: Record<string, string>;
  const http = () => request(svc.http);

  beforeAll(async () => {
    await redis.start();
    await postgres.start();
    const database = new URL(process.env.DATABASE_URL as string);
    database.host = `127.0.0.1:${postgres.port}`;
    svc = await startService('requests', AppModule, { REDIS_URL: redis.url, DATABASE_URL: database.toString() });
    auth = { Authorization: `Bearer ${await tokenFor({ role: 'country', sub: 'outage-focal', country: 'RWA' })}` };
  }, 120_000);
  afterAll(async () => {
    await postgres.start().catch(() => undefined);
    await redis.start().catch(() => undefined);
    await svc?.close();
    await postgres.stop();
    await redis.stop();
  });

  it('with Redis stopped: reads, writes and 401s answer as usual, the limiter fails open and says so on /metrics', async () => {
    await http().get('/v1/requests').set(auth).expect(200);
    await redis.stop();
    await http().get('/v1/taxonomy').set(auth).expect(200);
    await http().get('/v1/requests').set(auth).expect(200);
    const created = await http().post('/v1/requests').set(auth).send(requestBody({ title: 'Written while Redis is away' }));
    expect(created.status).toBe(201);
    problemOf(await http().get('/v1/requests'), 401);
    problemOf(await http().get('/v1/requests').set({ Authorization: 'Bearer not.a.token' }), 401);
    const ready = await http().get('/health/ready');
    problemOf(ready, 503);
    expect(ready.headers['retry-after']).toBeDefined();
    const metrics = await http().get('/metrics').expect(200);
    expect(metrics.text).toMatch(/capmatch_rate_limiter_bypassed_total\{service="requests"\} [1-9]/);
    await redis.start();
  });

  it('with Postgres away: data endpoints answer 503 with Retry-After, the rest as usual; back when it is back', async () => {
    const created = await http().post('/v1/requests').set(auth).send(requestBody()).expect(201);
    await postgres.stop();
    for (const res of [
      await http().get('/v1/requests').set(auth),
      await http().get(`/v1/requests/${created.body.id}`).set(auth),
      await http().post('/v1/requests').set(auth).send(requestBody()),
    ]) {
      problemOf(res, 503);
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    }
    await http().get('/v1/taxonomy').set(auth).expect(200);
    await http().get('/v1/countries/RWA').set(auth).expect(200);
    problemOf(await http().get('/v1/requests'), 401);
    problemOf(await http().get('/health/ready'), 503);
    await postgres.start();
    await http().get(`/v1/requests/${created.body.id}`).set(auth).expect(200);
  });
});
