import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { coreConfig } from './config/core.config';
import { PLATFORM_REDIS } from './platform.constants';
import { createRedis, type RedisClient } from './redis/redis-connection';

/**
 * One Redis connection (or cluster client, REDIS_CLUSTER) for the platform's own needs:
 * readiness pings and rate-limit counters.
 */
@Global()
@Module({
  providers: [
    {
      provide: PLATFORM_REDIS,
      inject: [coreConfig.KEY],
      useFactory: (cfg: ConfigType<typeof coreConfig>) => createRedis(cfg, 'counters', 'capmatch-platform', new Logger('PlatformRedis')),
    },
  ],
  exports: [PLATFORM_REDIS],
})
export class PlatformRedisModule implements OnApplicationShutdown {
  constructor(@Inject(PLATFORM_REDIS) private readonly redis: RedisClient) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
