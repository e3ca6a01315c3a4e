import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

const draining = new WeakSet<NestExpressApplication>();

/** While draining, every answer asks the client to close its keep-alive connection. */
export function installDrainGate(app: NestExpressApplication): void {
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (draining.has(app)) res.setHeader('Connection', 'close');
    next();
  });
}

/** Resolves when the server has stopped listening and the last in-flight request finished. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Node closes idle keep-alive connections on close(); busy ones close after their answer.
    server.closeIdleConnections();
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
    server.once('close', () => clearInterval(sweep));
  });
}

/**
 * Drains in order: stop accepting HTTP, let in-flight requests finish, then close the Nest
 * application, whose shutdown hooks stop the workers after their current jobs, flush the relay
 * and close Postgres and Redis. Nest's own close() would close the database before the HTTP
 * server, failing requests still in flight; hence this order.
 */
export async function drainAndClose(app: NestExpressApplication): Promise<void> {
  const logger = new Logger('Shutdown');
  draining.add(app);
  await closeServer(app.getHttpServer() as Server);
  logger.log('HTTP drained; stopping workers, relay and connections');
  await app.close();
}

/** SIGTERM/SIGINT: drain, exit 0; past the timeout drop what is left and exit 1. */
export function exitOnSignals(app: NestExpressApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining`);
    const timer = setTimeout(() => {
      logger.error(`Still draining after ${timeoutMs} ms: forcing exit`);
      (app.getHttpServer() as Server).closeAllConnections();
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    drainAndClose(app).then(
      () => {
        logger.log('Drained: bye');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(`Shutdown failed: ${(error as Error).stack ?? String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
