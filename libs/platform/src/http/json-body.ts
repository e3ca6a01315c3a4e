import type { IncomingMessage, ServerResponse } from 'node:http';
import { json } from 'express';

/** Body limit of the contract: larger bodies get 413. */
export const BODY_LIMIT = '256kb';
const LIMIT_BYTES = 256 * 1024;
const DIGITS = /^\d{1,7}$/;

type Done = (error?: unknown) => void;
type BodyRequest = IncomingMessage & { body?: unknown };

/** What body-parser's errors look like (http-errors), so the problem filter maps both alike. */
function clientError(message: string, type: string): Error {
  return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true, type });
}

/** body-parser's strict mode: an empty body is `{}`, anything else must be an object or array. */
function parseStrict(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // iconv drops a BOM too
  if (body.length === 0) return {};
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') throw clientError('Unexpected token in JSON: not an object or array', 'entity.parse.failed');
  try {
    return JSON.parse(body);
  } catch (error) {
    throw clientError((error as Error).message, 'entity.parse.failed');
  }
}

/**
 * The length of a body the short path reads, or -1 for body-parser: the short path takes only
 * what nearly every call sends, `application/json` (UTF-8), an exact Content-Length within the
 * limit, no Content-Encoding. Everything else (chunked, compressed, other charsets, other types,
 * too large) goes through body-parser, whose answers (413, 415, …) stay what they were.
 */
function shortPathLength(req: IncomingMessage): number {
  const h = req.headers;
  const length = h['content-length'];
  if (length === undefined || h['transfer-encoding'] !== undefined || h['content-encoding'] !== undefined) return -1;
  const type = h['content-type'];
  if (type !== 'application/json' && type?.toLowerCase().replace(/\s/g, '') !== 'application/json;charset=utf-8') return -1;
  if (!DIGITS.test(length)) return -1;
  const n = Number(length);
  return n <= LIMIT_BYTES ? n : -1;
}

/**
 * Parses a JSON body into `req.body` like body-parser's `json({ limit: BODY_LIMIT })` (strict,
 * UTF-8), then calls `done` (with the error, if any). Requests without a body are left alone,
 * as body-parser leaves them.
 */
export function jsonBodyReader(): (req: BodyRequest, res: ServerResponse, done: Done) => void {
  const general = json({ limit: BODY_LIMIT }) as unknown as (req: BodyRequest, res: ServerResponse, done: Done) => void;
  return (req, res, done) => {
    const h = req.headers;
    if (h['content-length'] === undefined && h['transfer-encoding'] === undefined) {
      if (!('body' in req)) req.body = undefined;
      return done();
    }
    const length = shortPathLength(req);
    if (length < 0) return general(req, res, done);
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      req.removeListener('data', onData);
      req.removeListener('end', onEnd);
      req.removeListener('error', onFail);
      req.removeListener('close', onClose);
      done(error);
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      chunks.push(chunk);
    };
    const onEnd = () => {
      if (received !== length) return settle(clientError('request size did not match content length', 'request.size.invalid'));
      try {
        req.body = parseStrict((chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, received)).toString('utf8'));
      } catch (error) {
        return settle(error);
      }
      settle();
    };
    const onFail = () => settle(clientError('request aborted', 'request.aborted'));
    const onClose = () => {
      if (!req.complete) onFail();
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onFail);
    req.on('close', onClose);
  };
}
