import { Writable } from 'node:stream';
import type { ServerResponse } from 'node:http';
import { pino } from 'pino';
import { logRequestDone, type LoggedRequest } from './request-log';

function capture(level: string) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level, base: { service: 'requests' } }, stream), lines };
}

const req = (url: string, sub?: string) => ({ id: 'r-1', method: 'POST', url, ...(sub ? { user: { sub } } : {}) }) as unknown as LoggedRequest;
const res = (statusCode: number, writableFinished = true) => ({ statusCode, writableFinished }) as unknown as ServerResponse;
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('logRequestDone', () => {
  it('writes the line pino-http wrote: req, actor, res, responseTime, at info for a 2xx', async () => {
    const { logger, lines } = capture('info');
    logRequestDone(logger, req('/v1/requests', 'country:RWA'), res(201), performance.now() - 12);
    await flush();
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'requests',
        req: { id: 'r-1', method: 'POST', url: '/v1/requests' },
        actor: 'country:RWA',
        res: { statusCode: 201 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      }),
    ]);
  });

  it('writes 4xx at warn, 5xx at error, an abandoned call at warn, and nothing below the level', async () => {
    const { logger, lines } = capture('warn');
    logRequestDone(logger, req('/v1/requests'), res(201), performance.now());
    logRequestDone(logger, req('/v1/requests'), res(404), performance.now());
    logRequestDone(logger, req('/v1/requests'), res(500), performance.now());
    logRequestDone(logger, req('/v1/requests'), res(200, false), performance.now());
    await flush();
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [40, 'request completed'],
      [50, 'request errored'],
      [40, 'request aborted'],
    ]);
    expect(lines[0]).not.toHaveProperty('actor');
  });

  it('does not log health and metrics calls', async () => {
    const { logger, lines } = capture('info');
    for (const url of ['/health/live', '/health/ready', '/metrics', '/metrics?x=1']) logRequestDone(logger, req(url), res(200), performance.now());
    await flush();
    expect(lines).toEqual([]);
  });
});
