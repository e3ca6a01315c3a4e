import { Cluster } from 'ioredis';
import { readEnv } from '../config/define-config';
import { CoreEnv } from '../config/core.config';
import { createRedis, parseRedisUrl } from './redis-connection';

describe('parseRedisUrl', () => {
  it('reads one server', () => {
    expect(parseRedisUrl('redis://127.0.0.1:6379')).toEqual({ nodes: [{ host: '127.0.0.1', port: 6379 }], options: {} });
  });

  it('reads a list of cluster nodes, with or without their scheme, credentials and TLS from the first', () => {
    const { nodes, options } = parseRedisUrl('rediss://app:s%3Acret@a.example:7000, b.example:7001,rediss://c.example');
    expect(nodes).toEqual([
      { host: 'a.example', port: 7000 },
      { host: 'b.example', port: 7001 },
      { host: 'c.example', port: 6379 },
    ]);
    expect(options).toEqual({ username: 'app', password: 's:cret', tls: {} });
  });
});

describe('createRedis', () => {
  it('makes a cluster client when REDIS_CLUSTER is on', () => {
    const client = createRedis({ REDIS_URL: 'redis://127.0.0.1:1,127.0.0.1:2', REDIS_CLUSTER: true }, 'client', 't');
    client.on('error', () => undefined);
    expect(client).toBeInstanceOf(Cluster);
    client.disconnect();
  });

  it('pipelines automatically only for the rate-limit counters, never for BullMQ connections', () => {
    const pipelined = (role: 'worker' | 'producer' | 'client' | 'counters', cluster: boolean) => {
      const url = cluster ? 'redis://127.0.0.1:1,127.0.0.1:2' : 'redis://127.0.0.1:1';
      const client = createRedis({ REDIS_URL: url, REDIS_CLUSTER: cluster }, role, 't');
      client.on('error', () => undefined);
      const on = Boolean(client.options.enableAutoPipelining);
      client.disconnect();
      return on;
    };
    for (const cluster of [false, true]) {
      expect([pipelined('worker', cluster), pipelined('producer', cluster), pipelined('client', cluster), pipelined('counters', cluster)]).toEqual([
        false,
        false,
        false,
        true,
      ]);
    }
  });
});

describe('Redis configuration', () => {
  const env = (vars: Record<string, string>) => () => readEnv(CoreEnv, vars);

  it('defaults to a hash-tagged prefix', () => {
    expect(readEnv(CoreEnv, {})).toMatchObject({ QUEUE_PREFIX: '{capmatch}', REDIS_CLUSTER: false });
  });

  it('accepts a node list and a hash tag in cluster mode', () => {
    expect(env({ REDIS_URL: 'redis://a:7000,b:7001', REDIS_CLUSTER: 'true', QUEUE_PREFIX: '{prod}' })()).toMatchObject({
      REDIS_CLUSTER: true,
    });
  });

  it('names the variable when the prefix is no hash tag in cluster mode, or REDIS_CLUSTER is not a boolean', () => {
    expect(env({ REDIS_CLUSTER: 'true', QUEUE_PREFIX: 'prod' })).toThrow(/QUEUE_PREFIX .*hash tag/);
    expect(env({ REDIS_CLUSTER: 'true', QUEUE_PREFIX: '{prod}_crash' })().QUEUE_PREFIX).toBe('{prod}_crash');
    expect(env({ QUEUE_PREFIX: 'a}b{' })).toThrow(/QUEUE_PREFIX/);
    expect(env({ REDIS_CLUSTER: 'yes' })).toThrow(/REDIS_CLUSTER .*true or false/);
    expect(env({ REDIS_URL: 'redis://a:1,,b:2' })).toThrow(/REDIS_URL/);
  });
});
