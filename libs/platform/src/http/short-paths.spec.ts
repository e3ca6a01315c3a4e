// The platform's short paths (JSON body reader, JSON answer, class-validator rule cache) against
// the library paths they stand in for: same result for the same input.
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Body, Controller, HttpCode, Patch, Post, Res, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ExpressAdapter } from '@nestjs/platform-express';
import { IsString, getMetadataStorage, validate } from 'class-validator';
import { json } from 'express';
import type { Response } from 'express';
import { jsonBodyReader } from './json-body';
import { LeanExpressAdapter } from './lean-express-adapter';
import { cacheValidationMetadata } from './validation-metadata-cache';

type Reader = (req: IncomingMessage & { body?: unknown }, res: unknown, done: (error?: unknown) => void) => void;

/** A server that answers what the reader made of the body: the body, or the error's status and type. */
async function serve(reader: Reader): Promise<Server> {
  const server = createServer((req, res) => {
    const r = req as IncomingMessage & { body?: unknown };
    reader(r, res, (error?: unknown) => {
      const e = error as { status?: number; type?: string } | undefined;
      res.end(JSON.stringify(e ? { status: e.status, type: e.type } : { body: r.body === undefined ? '(undefined)' : r.body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

function send(server: Server, body: Buffer | undefined, headers: Record<string, string>): Promise<unknown> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('jsonBodyReader', () => {
  let short: Server;
  let library: Server;
  beforeAll(async () => {
    short = await serve(jsonBodyReader() as Reader);
    library = await serve(json({ limit: '256kb' }) as unknown as Reader);
  });
  afterAll(() => {
    short.close();
    library.close();
  });

  const json8 = { 'content-type': 'application/json' };
  const cases: Array<[string, Buffer | undefined, Record<string, string>]> = [
    ['an object', Buffer.from('{"a":[1,{"b":null}],"c":"é"}'), json8],
    ['an array with leading white space', Buffer.from(' \n\t[1,2]'), json8],
    ['an empty body', Buffer.alloc(0), json8],
    ['a byte order mark', Buffer.from('\ufeff{"a":1}'), json8],
    ['a string (strict)', Buffer.from('"text"'), json8],
    ['a number (strict)', Buffer.from('12'), json8],
    ['malformed JSON', Buffer.from('{"a":'), json8],
    ['white space only', Buffer.from('   '), json8],
    ['charset=utf-8', Buffer.from('{"a":1}'), { 'content-type': 'application/json; charset=UTF-8' }],
    ['another charset', Buffer.from('{"a":1}'), { 'content-type': 'application/json; charset=latin1' }],
    ['another type', Buffer.from('a=1'), { 'content-type': 'application/x-www-form-urlencoded' }],
    ['no content type', Buffer.from('{"a":1}'), {}],
    ['a body over 256 KiB', Buffer.from(`{"a":"${'x'.repeat(256 * 1024)}"}`), json8],
    ['an unknown content encoding', Buffer.from('{"a":1}'), { ...json8, 'content-encoding': 'zz' }],
    ['no body', undefined, json8],
  ];

  it.each(cases)('%s: the same as body-parser', async (_name, body, headers) => {
    const [a, b] = await Promise.all([send(short, body, headers), send(library, body, headers)]);
    expect(a).toEqual(b);
  });
});

@Controller()
class EchoController {
  @Post('created')
  created(@Body() body: unknown) {
    return { got: body, n: 1, text: 'é' };
  }

  @Patch('changed')
  @HttpCode(200)
  changed() {
    return [1, 2, 3];
  }

  @Post('typed')
  typed(@Res({ passthrough: true }) res: Response) {
    res.type('text/plain');
    return { plain: true };
  }
}

async function appWith(adapter: ExpressAdapter): Promise<{ app: INestApplication; url: string }> {
  const moduleRef = await Test.createTestingModule({ controllers: [EchoController] }).compile();
  const app = moduleRef.createNestApplication(adapter, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

async function answer(url: string, method: string, path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, body: '{"x":[1]}' });
  const headers = Object.fromEntries([...res.headers].filter(([k]) => k !== 'date' && k !== 'keep-alive' && k !== 'connection'));
  return { status: res.status, headers, body: await res.text() };
}

describe('LeanExpressAdapter', () => {
  let lean: { app: INestApplication; url: string };
  let nest: { app: INestApplication; url: string };
  beforeAll(async () => {
    lean = await appWith(new LeanExpressAdapter());
    nest = await appWith(new ExpressAdapter());
  });
  afterAll(async () => {
    await lean.app.close();
    await nest.app.close();
  });

  it.each([
    ['POST', '/created'],
    ['PATCH', '/changed'],
    ['POST', '/typed'],
  ])('%s %s answers what Nest\'s Express adapter answers (status, headers, body)', async (method, path) => {
    const [a, b] = await Promise.all([answer(lean.url, method, path), answer(nest.url, method, path)]);
    expect(a).toEqual(b);
    expect(a.headers).toHaveProperty('etag');
  });
});

describe('cacheValidationMetadata', () => {
  it('gives the same verdicts, and sees a rule registered after the first validation', async () => {
    cacheValidationMetadata();
    class Named {
      @IsString()
      name!: unknown;
    }
    expect(await validate(Object.assign(new Named(), { name: 'a' }))).toHaveLength(0);
    expect(await validate(Object.assign(new Named(), { name: 1 }))).toHaveLength(1);
    class Later extends Named {
      other!: unknown;
    }
    expect(await validate(Object.assign(new Later(), { name: 'a', other: 2 }))).toHaveLength(0);
    IsString()(Later.prototype, 'other');
    expect(await validate(Object.assign(new Later(), { name: 'a', other: 2 }))).toHaveLength(1);
    expect(getMetadataStorage()).toBe(getMetadataStorage());
  });
});
