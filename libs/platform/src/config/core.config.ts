import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidateBy } from 'class-validator';
import { defineConfig } from './define-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The variables of the contract, shared by every service. Documented in config/.env.example. */
export class CoreEnv {
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_-]+(\?.*)?$/, {
    message: 'must be a postgres:// URL that names a database',
  })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/capmatch';

  /** One server, or with REDIS_CLUSTER=true some nodes of the cluster: `redis://a:7000,b:7001,c:7002`. */
  @Matches(/^rediss?:\/\/[^,\s]+(,\s*(rediss?:\/\/)?[^,\s]+)*$/, {
    message: 'must be a redis:// or rediss:// URL, or a comma-separated list of cluster nodes',
  })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** REDIS_URL names nodes of a Redis Cluster (ioredis Cluster client; QUEUE_PREFIX must be a hash tag). */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  REDIS_CLUSTER = false;

  /**
   * Prefix of every BullMQ and rate-limit key in Redis; lets several deployments (or test runs)
   * share one Redis. The braces make it a Redis Cluster hash tag: every key of every queue then
   * hashes to one slot, which BullMQ's multi-key Lua scripts need.
   */
  @Matches(/^(?=.{1,64}$)(\{[A-Za-z0-9_-]+\})?[A-Za-z0-9_-]*$/, {
    message: 'must be 1-64 letters, digits, _ or -, optionally starting with a hash tag in braces ({capmatch}, {capmatch}-eu)',
  })
  @ValidateBy({
    name: 'hashTagInCluster',
    validator: {
      validate: (value: unknown, args) => !(args?.object as CoreEnv).REDIS_CLUSTER || /^\{[^}]+\}/.test(String(value)),
      defaultMessage: () => 'must start with a hash tag such as {capmatch} when REDIS_CLUSTER is true',
    },
  })
  QUEUE_PREFIX = '{capmatch}';

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
