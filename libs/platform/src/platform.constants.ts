/** The ServiceName this process serves (also its Postgres schema). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
/** The options given to PlatformModule.forService. */
export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');
/** The platform's ioredis connection (health checks, rate limiting). */
export const PLATFORM_REDIS = Symbol('PLATFORM_REDIS');
