import { Logger } from '@nestjs/common';
import type { RequestHandler } from 'express';
import type { ServerResponse } from 'node:http';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { problem, PROBLEM_CONTENT_TYPE } from '@capmatch/platform';
import type { ConsoleEnv } from './console.config';
import { upstreamOf, UPSTREAM_PATHS, type UpstreamVariable } from './upstreams';

const logger = new Logger('ConsoleProxy');

/** A service that does not answer is a 502 problem document, like every other error here. */
function unavailable(variable: UpstreamVariable, res: ServerResponse, error: Error): void {
  logger.warn(`${variable}: ${error.message}`);
  if (res.headersSent) return void res.end();
  res.writeHead(502, { 'Content-Type': PROBLEM_CONTENT_TYPE });
  res.end(JSON.stringify(problem(502, 'The service behind this path is not answering; try again shortly')));
}

/**
 * One reverse proxy per service. Registered before Nest's body parser, so request bodies
 * stream through untouched (Idempotency-Key, If-Match and Authorization pass as sent).
 */
export function serviceProxy(env: ConsoleEnv): RequestHandler {
  const proxies = new Map<UpstreamVariable, RequestHandler>();
  for (const variable of Object.keys(UPSTREAM_PATHS) as UpstreamVariable[]) {
    proxies.set(variable, createProxyMiddleware({
      target: env[variable],
      changeOrigin: true,
      xfwd: true,
      on: { error: (error, _req, res) => unavailable(variable, res as ServerResponse, error) },
    }) as RequestHandler);
  }
  return (req, res, next) => {
    const variable = upstreamOf(req.originalUrl);
    if (variable === null) return next();
    return proxies.get(variable)!(req, res, next);
  };
}
