import { Logger } from '@nestjs/common';
import { createRedis, dataNodes, type RedisClient, type RedisSettings } from '../redis/redis-connection';

const logger = new Logger('BusRedis');

/**
 * A connection of the bus: workers wait for Redis however long it is away, the relay's
 * producer connection fails fast (see RedisRole).
 */
export function busRedis(settings: RedisSettings, role: 'worker' | 'producer', name: string): RedisClient {
  return createRedis(settings, role, name, logger);
}

/** BullMQ silently loses jobs if Redis may evict keys; say so loudly at start-up. */
export async function checkEvictionPolicy(client: RedisClient): Promise<void> {
  try {
    for (const node of dataNodes(client)) {
      const answer = (await node.config('GET', 'maxmemory-policy')) as string[];
      const policy = answer[1];
      if (policy !== 'noeviction') {
        logger.warn(
          `Redis ${node.options.host}:${node.options.port} maxmemory-policy is "${policy}": BullMQ needs "noeviction", otherwise queued events can be evicted and lost`,
        );
      }
    }
  } catch (error) {
    logger.warn(`Could not read Redis maxmemory-policy (${(error as Error).message}); make sure it is "noeviction"`);
  }
}

/**
 * Waits (at most `ms`) for a connection still being established, so BullMQ's start-up commands
 * are not cut off mid-flight by a shutdown that comes right after boot.
 */
export async function settled(client: RedisClient | undefined, ms = 1000): Promise<void> {
  if (!client || client.status === 'ready' || client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise((resolve) => client.once('ready', resolve)),
    new Promise((resolve) => (timer = setTimeout(resolve, ms))),
  ]);
  clearTimeout(timer);
}

/** Lets queued commands finish (QUIT), or drops the connection when Redis is not there. */
export async function closeRedis(client: RedisClient | undefined): Promise<void> {
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
