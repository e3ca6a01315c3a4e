import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendWebhook } from './webhook-sender';

describe('sendWebhook', () => {
  let server: Server;
  let port: number;
  let seen: Array<{ host?: string; body: string }>;
  let answer: (req: IncomingMessage, res: ServerResponse) => void;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ host: req.headers.host, body });
        answer(req, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  beforeEach(() => {
    seen = [];
    answer = (_req, res) => res.writeHead(204).end();
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const pinned = { address: '127.0.0.1', family: 4 as const };

  it('connects to the pinned address, never resolving the host again', async () => {
    const url = new URL(`http://hooks.invalid:${port}/x`); // .invalid never resolves
    const result = await sendWebhook(url, pinned, { 'webhook-id': 'msg_1' }, '{"a":1}', 5000);
    expect(result).toMatchObject({ statusCode: 204, error: null });
    expect(seen).toEqual([{ host: `hooks.invalid:${port}`, body: '{"a":1}' }]);
  });

  it('reports the status of a non-2xx answer', async () => {
    answer = (_req, res) => res.writeHead(410).end('gone');
    const result = await sendWebhook(new URL(`http://127.0.0.1:${port}/`), pinned, {}, '{}', 5000);
    expect(result).toMatchObject({ statusCode: 410, error: null });
  });

  it('gives up after the timeout when the receiver does not answer', async () => {
    answer = () => undefined;
    const result = await sendWebhook(new URL(`http://127.0.0.1:${port}/`), pinned, {}, '{}', 200);
    expect(result).toMatchObject({ statusCode: null, error: 'timed out after 200 ms' });
  });

  it('reports a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const freePort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const result = await sendWebhook(new URL(`http://127.0.0.1:${freePort}/`), pinned, {}, '{}', 5000);
    expect(result.statusCode).toBeNull();
    expect(result.error).toMatch(/^ECONNREFUSED/);
  });
});
