import type { Params } from 'nestjs-pino';
import { pino, stdSerializers, type Logger as Pino } from 'pino';
import type { CoreEnv } from '../config/core.config';

/**
 * JSON logs, one line per request (logging/request-log.ts, written by the platform's request
 * pipeline), with the request id and the caller; never the token. nestjs-pino is given the root
 * logger and no middleware of its own (`useExisting`, no routes): pino-http made three child
 * loggers per request even when its line was below LOG_LEVEL.
 */
export function loggerOptions(service: string, env: Pick<CoreEnv, 'LOG_LEVEL'>): Params {
  const logger: Pino = pino({
    level: env.LOG_LEVEL,
    base: { service },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: {
      err: stdSerializers.err,
      req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  return { pinoHttp: { logger }, useExisting: true, forRoutes: [] };
}

/** The root logger loggerOptions made, as nestjs-pino holds it. */
export function rootLoggerOf(params: Params): Pino {
  const given = params.pinoHttp as { logger?: Pino } | undefined;
  if (!given?.logger) throw new Error('nestjs-pino was configured without the platform root logger');
  return given.logger;
}
