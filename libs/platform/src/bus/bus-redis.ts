import { Logger } from '@nestjs/common';
import IORedis, { type RedisOptions } from 'ioredis';

const logger = new Logger('BusRedis');

/**
 * Worker connections must wait for Redis however long it is away (maxRetriesPerRequest null,
 * as BullMQ requires). The producer connection fails fast instead (no offline queue), so a
 * relay batch errors out and is retried later rather than hanging while it holds row locks.
 */
export function busRedis(url: string, role: 'worker' | 'producer', name: string): IORedis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, connectionName: name }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectionName: name };
  const client = new IORedis(url, { ...options, retryStrategy: (times) => Math.min(times * 200, 5000) });
  let reported = false;
  client.on('error', (error: Error) => {
    // ioredis retries on its own; one line per outage is enough.
    if (!reported) logger.warn(`Redis connection ${name}: ${error.message}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.log(`Redis connection ${name} is back`);
    reported = false;
  });
  return client;
}

/** BullMQ silently loses jobs if Redis may evict keys; say so loudly at start-up. */
export async function checkEvictionPolicy(client: IORedis): Promise<void> {
  try {
    const answer = (await client.config('GET', 'maxmemory-policy')) as string[];
    const policy = answer[1];
    if (policy !== 'noeviction') {
      logger.warn(
        `Redis maxmemory-policy is "${policy}": BullMQ needs "noeviction", otherwise queued events can be evicted and lost`,
      );
    }
  } catch (error) {
    logger.warn(`Could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is "noeviction"`);
  }
}

/**
 * Waits (at most `ms`) for a connection still being established, so BullMQ's start-up commands
 * are not cut off mid-flight by a shutdown that comes right after boot.
 */
export async function settled(client: IORedis | undefined, ms = 1000): Promise<void> {
  if (!client || client.status === 'ready' || client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => client.once('ready', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/** Lets queued commands finish (QUIT), or drops the connection when Redis is not there. */
export async function closeRedis(client: IORedis | undefined): Promise<void> {
  if (!client || client.status === 'end') return;
  await client.quit().catch(() => client.disconnect());
}

/**
 * Waits (at most `ms`) until a BullMQ queue or worker has finished its own connection start-up.
 * BullMQ's close() drops the connection's error listeners, so a start-up still in flight that
 * fails afterwards ("Connection is closed") would surface as an unhandled 'error' event.
 */
export async function bullReady(target: { waitUntilReady(): Promise<unknown> } | undefined, ms = 2000): Promise<void> {
  if (!target) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    target.waitUntilReady().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}
