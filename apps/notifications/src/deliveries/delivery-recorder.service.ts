import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { notificationsConfig } from '../notifications.config';
import type { AttemptOutcome } from './delivery-attempt.entity';
import type { SendResult } from './webhook-sender';

export interface AttemptRecord {
  deliveryId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  attempt: number;
  startedAt: Date;
  result: SendResult;
  outcome: AttemptOutcome;
  nextAttemptAt: Date | null;
}

/** What happened to a recorded attempt: 'stale' when another worker already recorded it. */
export type Recorded = { kind: 'stale' } | { kind: 'recorded'; outcome: AttemptOutcome; disabled: boolean };

/**
 * Records one attempt and its consequences in one transaction: the attempt row, the delivery's
 * state, and the webhook's failure streak. A webhook whose deliveries have failed without a
 * single success for WEBHOOK_DISABLE_AFTER_HOURS is disabled; the delivery that tipped it over
 * stops retrying.
 */
@Injectable()
export class DeliveryRecorder {
  private readonly logger = new Logger(DeliveryRecorder.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(notificationsConfig.KEY) private readonly cfg: ConfigType<typeof notificationsConfig>,
  ) {}

  record(a: AttemptRecord): Promise<Recorded> {
    return a.outcome === 'delivered' ? this.recordSuccess(a) : this.recordFailure(a);
  }

  /**
   * The common case in one statement (atomic on its own): the delivery finished unless another
   * worker already recorded this attempt, the attempt row, and the end of the webhook's streak.
   */
  private async recordSuccess(a: AttemptRecord): Promise<Recorded> {
    const [row] = (await this.dataSource.query(
      `WITH finished AS (
         UPDATE notifications.deliveries SET attempts = $2, status = 'delivered', next_attempt_at = NULL, finished_at = now()
          WHERE id = $1 AND status = 'pending' AND attempts < $2 RETURNING id
       ), attempt AS (
         INSERT INTO notifications.delivery_attempts
           (delivery_id, webhook_id, event_id, event_type, attempt, outcome, status_code, error, duration_ms, started_at, next_attempt_at)
         SELECT id, $3, $4, $5, $2, 'delivered', $6, NULL, $7, $8, NULL FROM finished RETURNING 1
       ), streak AS (
         UPDATE notifications.webhooks SET failing_since = NULL
          WHERE id = $3 AND failing_since IS NOT NULL AND EXISTS (SELECT 1 FROM finished) RETURNING 1
       )
       SELECT (SELECT count(*) FROM finished)::int AS n, (SELECT count(*) FROM attempt)::int AS a, (SELECT count(*) FROM streak)::int AS s`,
      [a.deliveryId, a.attempt, a.webhookId, a.eventId, a.eventType, a.result.statusCode, a.result.durationMs, a.startedAt],
    )) as Array<{ n: number }>;
    return row.n === 0 ? { kind: 'stale' } : { kind: 'recorded', outcome: 'delivered', disabled: false };
  }

  private recordFailure(a: AttemptRecord): Promise<Recorded> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = (await manager.query(
        `SELECT attempts, status FROM notifications.deliveries WHERE id = $1 FOR UPDATE`,
        [a.deliveryId],
      )) as Array<{ attempts: number; status: string }>;
      // Gone (webhook deleted), finished, or this attempt recorded by a worker that took over a stalled job.
      if (!current || current.status !== 'pending' || current.attempts >= a.attempt) return { kind: 'stale' } as const;

      let outcome = a.outcome;
      let disabled = false;
      let error = a.result.error;
      const [hook] = (await manager.query(
        // A CTE, so that the driver answers rows (a bare UPDATE … RETURNING answers [rows, count]).
        `WITH streak AS (UPDATE notifications.webhooks SET failing_since = COALESCE(failing_since, $2) WHERE id = $1
           RETURNING failing_since <= now() - make_interval(hours => $3) AS expired, enabled)
         SELECT * FROM streak`,
        [a.webhookId, a.startedAt, this.cfg.WEBHOOK_DISABLE_AFTER_HOURS],
      )) as Array<{ expired: boolean; enabled: boolean }>;
      if (hook?.expired && hook.enabled) {
        const reason = `deliveries failed for ${this.cfg.WEBHOOK_DISABLE_AFTER_HOURS} hours without a success`;
        await manager.query(
          `UPDATE notifications.webhooks SET enabled = false, disabled_at = now(), disabled_reason = $2,
             updated_at = now(), version = version + 1 WHERE id = $1`,
          [a.webhookId, reason],
        );
        this.logger.warn(`Webhook ${a.webhookId} disabled: ${reason}`);
        disabled = true;
      }
      if (disabled || hook?.enabled === false) {
        outcome = 'failed';
        error = `${error ?? `answered ${a.result.statusCode}`}; webhook disabled, no more retries`;
      }
      const nextAttemptAt = outcome === 'retrying' ? a.nextAttemptAt : null;
      await manager.query(
        `INSERT INTO notifications.delivery_attempts
           (delivery_id, webhook_id, event_id, event_type, attempt, outcome, status_code, error, duration_ms, started_at, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [a.deliveryId, a.webhookId, a.eventId, a.eventType, a.attempt, outcome, a.result.statusCode, error,
          a.result.durationMs, a.startedAt, nextAttemptAt],
      );
      await manager.query(
        `UPDATE notifications.deliveries SET attempts = $2, status = $3::varchar, next_attempt_at = $4,
           finished_at = CASE WHEN $3::varchar = 'pending' THEN NULL ELSE now() END WHERE id = $1`,
        [a.deliveryId, a.attempt, outcome === 'retrying' ? 'pending' : outcome, nextAttemptAt],
      );
      return { kind: 'recorded', outcome, disabled } as const;
    });
  }

  /** A delivery whose webhook was disabled before its turn: finished without an attempt. */
  async skip(deliveryId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications.deliveries SET status = 'skipped', next_attempt_at = NULL, finished_at = now()
        WHERE id = $1 AND status = 'pending'`,
      [deliveryId],
    );
  }
}
