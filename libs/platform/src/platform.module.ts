import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule, type ConfigType } from '@nestjs/config';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { AuthGuard } from './auth/auth.guard';
import { TokenVerifier } from './auth/token-verifier.service';
import { busConfig, EventBusModule } from './bus';
import { coreConfig } from './config/core.config';
import { dataSourceOptions } from './database/data-source-options';
import { ensureDatabase } from './database/ensure-database';
import { runMigrationsLocked } from './database/run-migrations';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis-health.indicator';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { IdempotencyService } from './idempotency/idempotency.service';
import { OneStatementRunner } from './database/one-statement';
import { loggerOptions } from './logging/logger-options';
import { MetricsController } from './metrics/metrics.controller';
import { PLATFORM_OPTIONS, PLATFORM_REDIS, SERVICE_NAME } from './platform.constants';
import type { PlatformOptions } from './platform-options';
import { PlatformRedisModule } from './platform-redis.module';
import { Cluster } from 'ioredis';
import type { RedisClient } from './redis/redis-connection';
import { CallerThrottlerGuard } from './throttling/caller-throttler.guard';

type CoreSettings = ConfigType<typeof coreConfig>;

/**
 * Every config namespace the PlatformModule imported by `appModule` loads. createApp validates
 * them all before Nest starts, so a bad value stops start-up with one clear message and nothing
 * half-built.
 */
export function configFactoriesOf(appModule: object) {
  const imports = (Reflect.getMetadata('imports', appModule) ?? []) as Array<Partial<DynamicModule>>;
  const platform = imports.find((m) => m?.module === PlatformModule);
  const provider = platform?.providers?.find((p) => (p as { provide?: unknown }).provide === PLATFORM_OPTIONS);
  const options = (provider as { useValue?: PlatformOptions } | undefined)?.useValue;
  return [coreConfig, busConfig, ...(options?.config ?? [])];
}

/** Everything a capmatch service stands on; see libs/platform/README.md. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    const { service } = options;
    return {
      module: PlatformModule,
      global: true,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [coreConfig, ...(options.config ?? [])] }),
        LoggerModule.forRootAsync({
          inject: [coreConfig.KEY],
          useFactory: (cfg: CoreSettings) => loggerOptions(service, cfg),
        }),
        PlatformRedisModule,
        TypeOrmModule.forRootAsync({
          inject: [coreConfig.KEY],
          useFactory: async (cfg: CoreSettings) => {
            await ensureDatabase(cfg.DATABASE_URL, service);
            // Few retries: a wrong DATABASE_URL should stop start-up quickly, not after half a minute.
            return { ...dataSourceOptions(options, cfg), retryAttempts: 2, retryDelay: 1000 };
          },
          dataSourceFactory: async (dsOptions) => {
            const dataSource = await new DataSource(dsOptions!).initialize();
            await runMigrationsLocked(dataSource, service);
            return dataSource;
          },
        }),
        ThrottlerModule.forRootAsync({
          imports: [PlatformRedisModule],
          inject: [coreConfig.KEY, PLATFORM_REDIS],
          useFactory: (cfg: CoreSettings, redis: RedisClient) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: cfg.RATE_LIMIT_PER_MINUTE }],
            // Its constructor overloads take a server or a cluster client, not the union.
            storage: redis instanceof Cluster ? new ThrottlerStorageRedisService(redis) : new ThrottlerStorageRedisService(redis),
          }),
        }),
        TerminusModule.forRoot({ errorLogStyle: 'json' }),
        EventBusModule.forService(service),
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_NAME, useValue: service },
        { provide: PLATFORM_OPTIONS, useValue: options },
        TokenVerifier,
        RedisHealthIndicator,
        IdempotencyService,
        OneStatementRunner,
        // Order matters: the rate limit counts callers before authentication refuses them.
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [SERVICE_NAME, PLATFORM_OPTIONS, TokenVerifier, IdempotencyService, OneStatementRunner, EventBusModule],
    };
  }
}
