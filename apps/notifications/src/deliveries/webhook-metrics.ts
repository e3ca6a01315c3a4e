import { Counter, Histogram, register } from 'prom-client';

/**
 * Deliveries by outcome and how long they take, on the default registry GET /metrics serves.
 * Created once per process (tests boot several apps in one process).
 */
class WebhookMetrics {
  readonly attempts = new Counter({
    name: 'capmatch_webhook_attempts_total',
    help: 'Webhook delivery attempts by outcome: delivered, retrying (failed, will retry), failed (gave up)',
    labelNames: ['outcome'] as const,
  });

  readonly skipped = new Counter({
    name: 'capmatch_webhook_deliveries_skipped_total',
    help: 'Deliveries dropped without an attempt because their webhook was disabled',
  });

  readonly attemptSeconds = new Histogram({
    name: 'capmatch_webhook_attempt_duration_seconds',
    help: 'Time from connecting to the receiver to its answer (or the timeout), by outcome',
    labelNames: ['outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });

  readonly latencySeconds = new Histogram({
    name: 'capmatch_webhook_delivery_latency_seconds',
    help: 'Time from the event occurring to its successful delivery (retries included)',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600],
  });
}

const NAMES = [
  'capmatch_webhook_attempts_total',
  'capmatch_webhook_deliveries_skipped_total',
  'capmatch_webhook_attempt_duration_seconds',
  'capmatch_webhook_delivery_latency_seconds',
];

let instance: WebhookMetrics | undefined;

export function webhookMetrics(): WebhookMetrics {
  if (!instance) {
    NAMES.forEach((name) => register.removeSingleMetric(name));
    instance = new WebhookMetrics();
  }
  return instance;
}
