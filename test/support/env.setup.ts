// Jest setupFiles of the integration tier: runs in every worker before any test module loads.
// Each worker gets its own database and queue prefix, so workers (and helpers running their own
// TEST_DATABASE) never see each other's rows or jobs.
const worker = process.env.JEST_WORKER_ID ?? '1';
const base = process.env.TEST_DATABASE || 'capmatch_test';
const database = `${base}_w${worker}`;

if (!database.includes('test')) {
  throw new Error(`Refusing to run tests against database "${database}": its name must contain "test"`);
}

process.env.NODE_ENV = 'test';
// TEST_POSTGRES_URL / TEST_REDIS_URL point the suite elsewhere (docker compose's `test` service).
const server = (process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
process.env.DATABASE_URL = `${server}/${database}`;
process.env.REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
// TEST_REDIS_CLUSTER=true: TEST_REDIS_URL lists Redis Cluster nodes (npm run test:cluster).
process.env.REDIS_CLUSTER = process.env.TEST_REDIS_CLUSTER === 'true' ? 'true' : 'false';
// A hash tag, as in production: every key of this worker's queues lands in one cluster slot.
process.env.QUEUE_PREFIX = `{${database}_${process.pid}}`;
process.env.JWT_SECRET = 'capmatch-test-secret-0123456789-abcdefghijklmnop';
delete process.env.JWT_JWKS_URL;
delete process.env.JWT_ISSUER;
delete process.env.JWT_AUDIENCE;
process.env.RATE_LIMIT_PER_MINUTE = '1000000';
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL || 'silent';
process.env.SHUTDOWN_TIMEOUT_MS = '10000';
// e2e tests run several service instances per worker: small pools keep Postgres under max_connections.
process.env.DB_POOL_SIZE = process.env.TEST_DB_POOL_SIZE || '5';
// Tests must never pick up a developer's .env.
process.env.ENV_FILE = '/nonexistent/.env';
