import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { RedisClient } from '../redis/redis-connection';
import { PLATFORM_REDIS } from '../platform.constants';

const PING_TIMEOUT_MS = 2000;

@Injectable()
export class RedisHealthIndicator {
  constructor(
    @Inject(PLATFORM_REDIS) private readonly redis: RedisClient,
    private readonly health: HealthIndicatorService,
  ) {}

  async ping(key = 'redis') {
    const indicator = this.health.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      });
      await Promise.race([this.redis.ping(), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    } finally {
      clearTimeout(timer);
    }
  }
}
