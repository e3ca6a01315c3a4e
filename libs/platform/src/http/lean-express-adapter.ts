import { StreamableFile } from '@nestjs/common';
import { ExpressAdapter } from '@nestjs/platform-express';
import type { Response } from 'express';

type Settings = Record<string, unknown>;
type ETagFn = (body: Buffer) => string | undefined;

/**
 * Nest's Express adapter, with the answer of a create or change (a JSON object from a POST,
 * PATCH, PUT or DELETE handler) written in one step: `JSON.stringify`, the same
 * `Content-Type: application/json; charset=utf-8`, `Content-Length` and weak `ETag` that
 * `res.json()` → `res.send()` set, then `end`. Express's path re-parses and re-formats the
 * content type, looks settings up and runs the freshness check (which only GET and HEAD use)
 * on every answer. Everything else (GET and HEAD, a content type set by the handler, 204/205/304,
 * streams, buffers, errors, non-default JSON settings) goes through Nest's own reply as before.
 */
export class LeanExpressAdapter extends ExpressAdapter {
  override reply(response: Response, body: unknown, statusCode?: number): unknown {
    const method = response.req.method;
    if (
      method === 'GET' ||
      method === 'HEAD' ||
      body === null ||
      typeof body !== 'object' ||
      body instanceof StreamableFile ||
      body instanceof Error ||
      ArrayBuffer.isView(body) ||
      response.getHeader('Content-Type') !== undefined
    ) {
      return super.reply(response, body, statusCode);
    }
    const settings = response.app.settings as Settings;
    const status = statusCode ?? response.statusCode;
    const text = JSON.stringify(body);
    if (
      status === 204 ||
      status === 205 ||
      status === 304 ||
      text === undefined ||
      settings['json replacer'] !== undefined ||
      settings['json spaces'] !== undefined ||
      settings['json escape']
    ) {
      return super.reply(response, body, statusCode);
    }
    if (statusCode) response.status(statusCode);
    const chunk = Buffer.from(text, 'utf8');
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Content-Length', String(chunk.length));
    const etagFn = settings['etag fn'] as ETagFn | undefined;
    if (typeof etagFn === 'function' && response.getHeader('ETag') === undefined) {
      const tag = etagFn(chunk);
      if (tag) response.setHeader('ETag', tag);
    }
    return response.end(chunk);
  }
}
