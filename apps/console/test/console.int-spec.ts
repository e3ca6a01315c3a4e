import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { decodeJwt } from 'jose';
import { startConsole, type StartedConsole } from '../../../test/support/console';

interface Seen { method: string; url: string; headers: IncomingMessage['headers']; body: string }

/** A stand-in for a service behind the proxy: records what reaches it and answers 207. */
async function upstream(): Promise<{ server: Server; url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(207, { 'Content-Type': 'application/json', 'X-Upstream': 'yes' });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe('console server', () => {
  let web: StartedConsole;
  let up: Awaited<ReturnType<typeof upstream>>;

  beforeAll(async () => {
    up = await upstream();
    // Port 9 (discard) on loopback: nothing listens, so that service is "down".
    web = await startConsole({ REQUESTS_URL: up.url, OFFERS_URL: up.url, MATCHING_URL: 'http://127.0.0.1:9', NOTIFICATIONS_URL: up.url });
  });
  afterAll(async () => {
    await web.close();
    up.server.close();
  });

  it('passes the public API through unchanged: method, path, query, headers and body', async () => {
    const res = await request(web.http).post('/v1/requests?dryRun=1').set('Authorization', 'Bearer abc')
      .set('Idempotency-Key', 'k-1').set('If-Match', '"3"').send({ title: 'x', nested: { a: [1, 2] } });
    expect(res.status).toBe(207);
    expect(res.headers['x-upstream']).toBe('yes');
    const seen = up.seen.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/v1/requests?dryRun=1', body: JSON.stringify({ title: 'x', nested: { a: [1, 2] } }) });
    expect(seen.headers).toMatchObject({ authorization: 'Bearer abc', 'idempotency-key': 'k-1', 'if-match': '"3"' });
  });

  it('answers 502 with a problem document when a service does not answer', async () => {
    const res = await request(web.http).get('/v1/suggestions');
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });

  it('signs development tokens outside production, validating the body', async () => {
    expect((await request(web.http).get('/console/session-options')).body).toEqual({ devTokens: true });
    const res = await request(web.http).post('/console/dev-token').send({ role: 'country', country: 'RWA' });
    expect(res.status).toBe(201);
    expect(decodeJwt(res.body.token)).toMatchObject({ role: 'country', country: 'RWA' });
    const bad = await request(web.http).post('/console/dev-token').send({ role: 'donor', providerId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['providerId']);
    expect((await request(web.http).post('/console/dev-token').send({ role: 'king' })).body.errors[0].field).toBe('role');
  });

  it('serves the web app for page addresses and its health without a token', async () => {
    const page = await request(web.http).get('/dashboard').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root"></div>');
    expect((await request(web.http).get('/health/live')).status).toBe(200);
    const ready = await request(web.http).get('/health/ready');
    expect(ready.body.upstreams).toMatchObject({ requests: 'up', matching: 'down' });
    expect((await request(web.http).get('/nowhere.json').set('Accept', 'application/json')).status).toBe(404);
  });

  it('offers no development tokens in production', async () => {
    const prod = await startConsole({ REQUESTS_URL: up.url }, { NODE_ENV: 'production', JWT_SECRET: 'production-secret-0123456789-abcdefghijklmnop' });
    try {
      expect((await request(prod.http).get('/console/session-options')).body).toEqual({ devTokens: false });
      expect((await request(prod.http).post('/console/dev-token').send({ role: 'admin' })).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
