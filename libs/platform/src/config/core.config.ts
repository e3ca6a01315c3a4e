import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';
import { defineConfig } from './define-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables of the contract, shared by every service. Documented in config/.env.example. */
export class CoreEnv {
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'must be a postgres:// URL that names a database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/capmatch';

  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key in Redis; lets several deployments (or test runs) share one Redis. */
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1-64 letters, digits, _ or -' })
  QUEUE_PREFIX = 'capmatch';

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (HS256 needs a strong secret)' })
  JWT_SECRET?: string = undefined;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] })
  JWT_JWKS_URL?: string = undefined;

  @IsOptional()
  @IsString()
  JWT_ISSUER?: string = undefined;

  @IsOptional()
  @IsString()
  JWT_AUDIENCE?: string = undefined;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 600;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Type(() => Number)
  @IsInt()
  @Min(1000)
  @Max(120_000)
  SHUTDOWN_TIMEOUT_MS = 15_000;

  /** Connections per service instance; two at least, since migrations hold an advisory lock on one. */
  @Type(() => Number)
  @IsInt()
  @Min(2)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** 'production' turns off development conveniences (the built-in development JWT secret). */
  @IsOptional()
  @IsString()
  NODE_ENV?: string = undefined;
}

export const coreConfig = defineConfig('core', CoreEnv);

/** Each service's port variable and default, from the contract. */
export const PORTS = {
  requests: { variable: 'REQUESTS_PORT', fallback: 3001 },
  offers: { variable: 'OFFERS_PORT', fallback: 3002 },
  matching: { variable: 'MATCHING_PORT', fallback: 3003 },
  notifications: { variable: 'NOTIFICATIONS_PORT', fallback: 3004 },
} as const;
