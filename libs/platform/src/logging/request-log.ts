import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger as Pino } from 'pino';
import { storage, type Store } from 'nestjs-pino/storage';

const QUIET = /^\/(health|metrics)(\/|$|\?)/;

export interface LoggedRequest extends IncomingMessage {
  id: string;
  user?: { sub: string };
}

const described = (req: LoggedRequest) => ({ id: req.id, method: req.method, url: req.url });

/**
 * nestjs-pino's per-request store, whose child logger (bound to the request) is made only when
 * code running for the request logs something. pino-http made it, and two more, for every
 * request, which at `LOG_LEVEL=warn` was most of the logging cost of a create.
 */
class LazyRequestStore {
  private made?: Pino;
  responseLogger?: Pino;

  constructor(
    private readonly root: Pino,
    private readonly req: LoggedRequest,
  ) {}

  get logger(): Pino {
    return (this.made ??= this.root.child({ req: described(this.req) }));
  }

  /** PinoLogger.assign() replaces the logger with a child of it. */
  set logger(value: Pino) {
    this.made = value;
  }
}

/** Runs `next` with the request's logger as the one Nest's Logger (nestjs-pino) writes to. */
export function runWithRequestLogger(root: Pino, req: LoggedRequest, next: () => void): void {
  storage.run(new LazyRequestStore(root, req) as unknown as Store, next);
}

/**
 * The one line per request pino-http wrote, with the same fields (`req`, `actor`, `res`,
 * `responseTime`), at `info` for 2xx/3xx, `warn` for 4xx, `error` for 5xx; nothing is built
 * when that level is off, and health and metrics calls are not logged. A call whose client went
 * away before the answer was sent is logged as aborted.
 */
export function logRequestDone(root: Pino, req: LoggedRequest, res: ServerResponse, startedMs: number): void {
  if (QUIET.test(req.url ?? '')) return;
  const status = res.statusCode;
  const finished = res.writableFinished;
  const level = !finished || status >= 400 ? (status >= 500 ? 'error' : 'warn') : 'info';
  if (!root.isLevelEnabled(level)) return;
  const fields: Record<string, unknown> = {
    req: described(req),
    ...(req.user ? { actor: req.user.sub } : {}),
    res: { statusCode: status },
    responseTime: Math.round(performance.now() - startedMs),
  };
  if (!finished) root[level](fields, 'request aborted');
  else if (status >= 500) root.error({ ...fields, err: new Error(`failed with status code ${status}`) }, 'request errored');
  else root[level](fields, 'request completed');
}
