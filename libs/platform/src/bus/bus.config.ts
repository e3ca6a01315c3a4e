import { Transform } from 'class-transformer';
import { IsBoolean } from 'class-validator';
import { defineConfig } from '../config/define-config';
import { IntSetting } from '../config/int-setting';

/**
 * Every knob of the event bus in one place (docs/style.md §5), each overridable from the
 * environment and documented in config/.env.example. The same settings apply to every
 * service's queue: the relay stamps attempts, backoff and retention on each job it adds.
 */
export class BusEnv {
  /** Attempts per job, the first included; after the last one the job stays in the failed set. */
  @IntSetting(1, 100)
  BUS_ATTEMPTS = 8;

  /** First retry delay; it doubles on each attempt (exponential backoff). */
  @IntSetting(10, 3_600_000)
  BUS_BACKOFF_MS = 1000;

  /** Completed jobs kept for inspection (newest first); the inbox, not these, deduplicates. */
  @IntSetting(0, 1_000_000)
  BUS_KEEP_COMPLETED = 1000;

  /** How long failed jobs stay in the failed set, for an operator to inspect and retry. */
  @IntSetting(60, 90 * 24 * 3600)
  BUS_KEEP_FAILED_SECONDS = 14 * 24 * 3600;

  /**
   * Jobs one worker takes from Redis at once. They share BUS_CONCURRENCY / BUS_HANDLER_BATCH
   * transactions at a time, never more than half of DB_POOL_SIZE (see transactionSlots).
   */
  @IntSetting(1, 1000)
  BUS_CONCURRENCY = 128;

  /**
   * Most events handled in one database transaction (group commit). 1 gives every event its
   * own transaction; larger batches raise throughput, and a failing batch falls back to one
   * transaction per event. Transactions at once = BUS_CONCURRENCY / BUS_HANDLER_BATCH.
   */
  @IntSetting(1, 500)
  BUS_HANDLER_BATCH = 32;

  /** A job whose worker stops renewing its lock for this long is handed to another worker. */
  @IntSetting(1000, 600_000)
  BUS_LOCK_DURATION_MS = 30_000;

  /** Outbox rows the relay moves to Redis per transaction. */
  @IntSetting(1, 10_000)
  BUS_RELAY_BATCH_SIZE = 500;

  /**
   * Pause after a partial relay batch before the next pass, so that events committed in a
   * stream are moved in batches (one transaction and one Redis round trip for many); the first
   * event after a quiet spell is relayed at once. 0 relays on every wake-up.
   */
  @IntSetting(0, 1000)
  BUS_RELAY_LINGER_MS = 5;

  /**
   * Runs the outbox relay in a worker thread of its own, with its own Postgres connection and
   * Redis connection, so the service's event loop keeps to HTTP and handlers; false runs it in
   * the service's thread on a pooled connection.
   */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  BUS_RELAY_THREAD = true;

  /** Fallback polling of the outbox when no NOTIFY arrives (listener down, missed wake-up). */
  @IntSetting(10, 60_000)
  BUS_RELAY_POLL_MS = 1000;

  /** Longest pause between relay attempts while Redis or Postgres is failing. */
  @IntSetting(100, 300_000)
  BUS_RELAY_MAX_BACKOFF_MS = 10_000;

  /** A publish to Redis slower than this counts as failed; the batch is retried later. */
  @IntSetting(100, 120_000)
  BUS_PUBLISH_TIMEOUT_MS = 5000;

  /** Relayed outbox rows older than this are deleted (they only serve investigations). */
  @IntSetting(1, 24 * 365)
  BUS_OUTBOX_RETENTION_HOURS = 72;
}

export const busConfig = defineConfig('bus', BusEnv);

/**
 * How many handler transactions the worker runs at once: enough for BUS_CONCURRENCY jobs in
 * batches of BUS_HANDLER_BATCH, but at most half the pool, so HTTP requests and the relay
 * always find a connection (a worker holding the whole pool would stall its own service).
 */
export function transactionSlots(cfg: Pick<BusEnv, 'BUS_CONCURRENCY' | 'BUS_HANDLER_BATCH'>, poolSize: number): number {
  return Math.max(1, Math.min(Math.ceil(cfg.BUS_CONCURRENCY / cfg.BUS_HANDLER_BATCH), Math.floor(poolSize / 2)));
}
export type BusSettings = BusEnv;
