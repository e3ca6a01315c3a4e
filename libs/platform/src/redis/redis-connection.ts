import { Logger } from '@nestjs/common';
import IORedis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';

/** One Redis server or a Redis Cluster: ioredis gives both the same command API. */
export type RedisClient = IORedis | Cluster;

/** What the factory reads from the core config. */
export interface RedisSettings {
  /** One URL, or with REDIS_CLUSTER a comma-separated list of cluster nodes (seeds). */
  REDIS_URL: string;
  REDIS_CLUSTER: boolean;
}

/**
 * - `worker`: waits for Redis however long it is away (maxRetriesPerRequest null, as BullMQ
 *   requires for workers and their blocking connections);
 * - `producer`: fails fast (no offline queue), so a relay batch errors out and is retried
 *   later rather than hanging while it holds row locks;
 * - `client`: one retry per command (queues of delayed jobs, tools);
 * - `counters`: as `client`, with automatic pipelining: the rate-limit scripts that concurrent
 *   requests issue in one tick of the event loop go out in one write and come back in one read,
 *   not one round trip (and one syscall) each. Not for BullMQ connections.
 */
export type RedisRole = 'worker' | 'producer' | 'client' | 'counters';

const ROLE_OPTIONS: Record<RedisRole, RedisOptions> = {
  worker: { maxRetriesPerRequest: null },
  producer: { maxRetriesPerRequest: 1, enableOfflineQueue: false },
  client: { maxRetriesPerRequest: 1 },
  counters: { maxRetriesPerRequest: 1, enableAutoPipelining: true },
};

const retry = (times: number) => Math.min(times * 200, 5000);

export interface RedisNode {
  host: string;
  port: number;
}

/**
 * The nodes of REDIS_URL: `redis://a:7000,b:7001` or `redis://a:7000,redis://b:7001`; user,
 * password and TLS (rediss://) come from the first entry and apply to every node.
 */
export function parseRedisUrl(url: string): { nodes: RedisNode[]; options: RedisOptions } {
  const [first, ...others] = url.split(',').map((part) => part.trim()).filter(Boolean);
  const head = new URL(first);
  const scheme = head.protocol;
  const nodes = [head, ...others.map((part) => new URL(/^\w+:\/\//.test(part) ? part : `${scheme}//${part}`))].map((u) => ({
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: Number(u.port || 6379),
  }));
  const options: RedisOptions = {
    ...(head.username ? { username: decodeURIComponent(head.username) } : {}),
    ...(head.password ? { password: decodeURIComponent(head.password) } : {}),
    ...(scheme === 'rediss:' ? { tls: {} } : {}),
  };
  return { nodes, options };
}

/**
 * Every Redis connection of capmatch comes from here (BullMQ queues and workers, the relay,
 * rate-limit counters, health checks, test and bench tools), so one REDIS_URL / REDIS_CLUSTER
 * pair decides for all of them. Keys stay in one cluster slot per queue because the queue
 * prefix carries a hash tag (`{capmatch}`, see core.config.ts).
 */
export function createRedis(settings: RedisSettings, role: RedisRole, name: string, logger?: Logger): RedisClient {
  const roleOptions = { ...ROLE_OPTIONS[role], connectionName: name };
  let client: RedisClient;
  if (settings.REDIS_CLUSTER) {
    const { nodes, options } = parseRedisUrl(settings.REDIS_URL);
    const clusterOptions: ClusterOptions = {
      redisOptions: { ...options, ...roleOptions },
      clusterRetryStrategy: retry,
      enableOfflineQueue: roleOptions.enableOfflineQueue ?? true,
      // A cluster client pipelines per node itself; the option is read here, not from redisOptions.
      enableAutoPipelining: roleOptions.enableAutoPipelining ?? false,
      // BullMQ's Lua scripts declare their keys, so Cluster routes them; reads stay on masters.
      scaleReads: 'master',
    };
    client = new Cluster(nodes, clusterOptions);
  } else {
    client = new IORedis(settings.REDIS_URL.split(',')[0].trim(), { ...roleOptions, retryStrategy: retry });
  }
  if (logger) reportOutages(client, name, logger);
  return client;
}

/** ioredis retries on its own; one line per outage is enough. */
function reportOutages(client: RedisClient, name: string, logger: Logger): void {
  let reported = false;
  client.on('error', (error: Error) => {
    if (!reported) logger.warn(`Redis connection ${name}: ${error.message}`);
    reported = true;
  });
  client.on('ready', () => {
    if (reported) logger.log(`Redis connection ${name} is back`);
    reported = false;
  });
}

/** The servers that hold data: every master of a cluster, or the one server. */
export function dataNodes(client: RedisClient): IORedis[] {
  return client instanceof Cluster ? client.nodes('master') : [client];
}

/** Deletes every key matching `pattern` (SCAN, never KEYS), on every master of a cluster. */
export async function deleteKeys(client: RedisClient, pattern: string): Promise<number> {
  let deleted = 0;
  for (const node of dataNodes(client)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      // One DEL per key, pipelined: in a cluster, the keys of one command must share a slot.
      const pipeline = node.pipeline();
      keys.forEach((key) => pipeline.del(key));
      for (const [error, n] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        deleted += n as number;
      }
      cursor = next;
    } while (cursor !== '0');
  }
  return deleted;
}
