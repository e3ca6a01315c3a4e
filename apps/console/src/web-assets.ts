import type { RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The built web app: beside the compiled server (dist/apps/console/web), or, when the server
 * runs from source (tests), in dist/ at the repository root. Null when neither was built.
 */
export function findWebDir(): string | null {
  const candidates = [resolve(__dirname, '../web'), resolve(__dirname, '../../../dist/apps/console/web')];
  return candidates.find((dir) => existsSync(resolve(dir, 'index.html')) && existsSync(resolve(dir, 'assets'))) ?? null;
}

const SERVER_PATHS = /^\/(v1|console|health|metrics|docs)(\/|$|\?|-)/;

/** Any other GET for a page is the single-page app's index. */
export function pageFallback(webDir: string): RequestHandler {
  const index = resolve(webDir, 'index.html');
  return (req, res, next) => {
    if (req.method !== 'GET' || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  };
}
