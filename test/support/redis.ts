import { createRedis, type RedisClient, type RedisRole } from '@capmatch/platform';

/** A connection to the Redis (or Redis Cluster) the test services use, from the platform's factory. */
export function testRedis(role: RedisRole = 'client', url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'): RedisClient {
  return createRedis({ REDIS_URL: url, REDIS_CLUSTER: process.env.REDIS_CLUSTER === 'true' }, role, 'capmatch-test');
}
