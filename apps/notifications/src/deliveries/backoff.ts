/** The retry schedule's knobs (the WEBHOOK_* variables of the same names). */
export interface BackoffSettings {
  WEBHOOK_ATTEMPTS: number;
  WEBHOOK_BACKOFF_MS: number;
  WEBHOOK_BACKOFF_MAX_MS: number;
}

/** Jitter keeps each delay within [JITTER_FLOOR, 1] of its exponential step. */
export const JITTER_FLOOR = 0.5;

/** The exponential step after the `attempt`-th failed attempt (1-based), before jitter. */
export function stepMs(settings: BackoffSettings, attempt: number): number {
  return Math.min(settings.WEBHOOK_BACKOFF_MS * 2 ** (attempt - 1), settings.WEBHOOK_BACKOFF_MAX_MS);
}

/**
 * Delay before the next attempt after the `attempt`-th failed one, or null when that was the
 * last. Jitter spreads the retries of many deliveries that failed together (a receiver that was
 * down) so they do not all return at the same instant.
 */
export function nextDelayMs(settings: BackoffSettings, attempt: number, random: () => number = Math.random): number | null {
  if (attempt >= settings.WEBHOOK_ATTEMPTS) return null;
  const step = stepMs(settings, attempt);
  return Math.round(step * (JITTER_FLOOR + (1 - JITTER_FLOOR) * random()));
}

/** The shortest time from the first attempt to the last one that the schedule allows. */
export function minimumSpanMs(settings: BackoffSettings): number {
  let total = 0;
  for (let attempt = 1; attempt < settings.WEBHOOK_ATTEMPTS; attempt++) total += stepMs(settings, attempt) * JITTER_FLOOR;
  return Math.floor(total);
}
