import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';

const draining = new WeakSet<NestExpressApplication>();

/** While draining, every answer asks the client to close its keep-alive connection (the request pipeline reads this; Node then closes it). */
export function isDraining(app: NestExpressApplication): boolean {
  return draining.has(app);
}

/**
 * How long a kept-alive connection that is idle when the drain starts may still bring one more
 * request (answered with `Connection: close`) before it is closed. Closing it at once would
 * reset a request already on its way.
 */
export const IDLE_GRACE_MS = 1000;

/** Resolves when the server has stopped listening and the last in-flight request finished. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    // Node's close() also closes idle keep-alive connections at once; hold that back for the grace.
    const closeIdle = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => undefined;
    server.close(() => resolve());
    let sweep: NodeJS.Timeout | undefined;
    const grace = setTimeout(() => {
      server.closeIdleConnections = closeIdle;
      closeIdle();
      // Busy connections close after their answer (Connection: close); sweep the ones that go idle.
      sweep = setInterval(closeIdle, 100);
      sweep.unref();
    }, IDLE_GRACE_MS);
    grace.unref();
    server.once('close', () => {
      clearTimeout(grace);
      if (sweep) clearInterval(sweep);
    });
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

/**
 * SIGTERM/SIGINT: drain, exit 0; past the timeout drop what is left and exit 1. A second signal
 * while draining is logged and ignored (a process manager signalling the whole group, and a
 * supervisor forwarding the same signal, must not cut the drain short); a third forces exit 1.
 */
export function exitOnSignals(app: NestExpressApplication, timeoutMs: number): void {
  const logger = new Logger('Shutdown');
  let received = 0;
  const forceExit = (why: string) => {
    logger.error(why);
    (app.getHttpServer() as Server).closeAllConnections();
    process.exit(1);
  };
  const stop = (signal: NodeJS.Signals) => {
    received += 1;
    if (received === 2) return logger.warn(`${signal} received again while draining: still draining (a third signal forces exit)`);
    if (received > 2) return forceExit(`${signal} received a third time: forcing exit`);
    logger.log(`${signal} received: draining`);
    const timer = setTimeout(() => forceExit(`Still draining after ${timeoutMs} ms: forcing exit`), timeoutMs);
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
  // `on`, not `once`: with `once` the second signal would meet Node's default handler and kill.
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
