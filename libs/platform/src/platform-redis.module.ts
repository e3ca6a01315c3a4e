import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import Redis from 'ioredis';
import { coreConfig } from './config/core.config';
import { PLATFORM_REDIS } from './platform.constants';

/** One ioredis connection for the platform's own needs: readiness pings and rate-limit counters. */
@Global()
@Module({
  providers: [
    {
      provide: PLATFORM_REDIS,
      inject: [coreConfig.KEY],
      useFactory: (cfg: ConfigType<typeof coreConfig>) => {
        const redis = new Redis(cfg.REDIS_URL, { maxRetriesPerRequest: 1, connectionName: 'capmatch-platform' });
        const logger = new Logger('PlatformRedis');
        redis.on('error', (error: Error) => logger.warn(`Redis: ${error.message}`));
        return redis;
      },
    },
  ],
  exports: [PLATFORM_REDIS],
})
export class PlatformRedisModule implements OnApplicationShutdown {
  constructor(@Inject(PLATFORM_REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
