import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsOptional,
  Matches,
  Validate,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidatorConstraintInterface,
} from 'class-validator';
import { defineConfig, IntSetting } from '@capmatch/platform';
import { minimumSpanMs, type BackoffSettings } from './deliveries/backoff';

/** The contract's floor for retries: at least 5 attempts over at least a minute. */
export const MIN_ATTEMPTS = 5;
export const MIN_RETRY_SPAN_MS = 60_000;

@ValidatorConstraint({ name: 'retrySpan' })
class RetrySpanAtLeastAMinute implements ValidatorConstraintInterface {
  validate(_value: unknown, args: ValidationArguments): boolean {
    return minimumSpanMs(args.object as BackoffSettings) >= MIN_RETRY_SPAN_MS;
  }

  defaultMessage(args: ValidationArguments): string {
    const span = minimumSpanMs(args.object as BackoffSettings);
    return (
      `with WEBHOOK_BACKOFF_MS and WEBHOOK_BACKOFF_MAX_MS, ${String(args.value)} attempts may be over in ${span} ms; ` +
      `the retries must span at least ${MIN_RETRY_SPAN_MS} ms (raise WEBHOOK_ATTEMPTS or the delays)`
    );
  }
}

/** The notifications service's own settings; documented in config/.env.example and the README. */
export class NotificationsEnv {
  /** Plain HTTP and private, loopback or link-local receivers: for development and tests only. */
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  WEBHOOK_ALLOW_PRIVATE = false;

  /** 32 bytes, base64 or hex: webhook secrets are stored AES-256-GCM encrypted with it. */
  @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$/, { message: 'must be 32 bytes as 64 hex digits or base64' })
  WEBHOOK_ENCRYPTION_KEY?: string = undefined;

  /** One attempt's whole budget: connect, send, the receiver's answer. */
  @IntSetting(100, 60_000)
  WEBHOOK_TIMEOUT_MS = 5000;

  /** Attempts per delivery, the first included. */
  @IntSetting(MIN_ATTEMPTS, 50)
  @Validate(RetrySpanAtLeastAMinute)
  WEBHOOK_ATTEMPTS = 12;

  /** Delay before the first retry; doubling per attempt, with jitter (50–100 % of the step). */
  @IntSetting(10, 3_600_000)
  WEBHOOK_BACKOFF_MS = 5000;

  /** Longest delay between two attempts. */
  @IntSetting(1000, 86_400_000)
  WEBHOOK_BACKOFF_MAX_MS = 3_600_000;

  /** A webhook whose deliveries have failed without a success for this long is disabled. */
  @IntSetting(1, 24 * 365)
  WEBHOOK_DISABLE_AFTER_HOURS = 72;

  /** Deliveries one instance sends at once, all receivers together. */
  @IntSetting(1, 1000)
  WEBHOOK_CONCURRENCY = 64;

  /** Deliveries one instance sends at once to one receiver (scheme, host and port). */
  @IntSetting(1, 100)
  WEBHOOK_HOST_CONCURRENCY = 4;

  /** Finished deliveries and their attempts are listed this long, then deleted. */
  @IntSetting(1, 3650)
  WEBHOOK_RETENTION_DAYS = 30;

  /** Webhooks one owner may register. */
  @IntSetting(1, 1000)
  WEBHOOK_MAX_PER_OWNER = 20;
}

export const notificationsConfig = defineConfig('notifications', NotificationsEnv);
export type NotificationsSettings = NotificationsEnv;
