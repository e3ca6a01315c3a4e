import { Counter, Histogram, register } from 'prom-client';

/**
 * The matcher's own figures on the default registry GET /metrics serves. Created once per
 * process: tests run two instances in one process, and prom-client refuses a second metric of
 * the same name.
 */
class MatchingMetrics {
  readonly reconcileSeconds = new Histogram({
    name: 'capmatch_matching_reconcile_seconds',
    help: 'Time to re-rank requests and write the difference (engine and database), per reconcile call',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });

  readonly changes = new Counter({
    name: 'capmatch_matching_suggestion_changes_total',
    help: 'Suggestions proposed, superseded or rescored in place by the matcher',
    labelNames: ['change'] as const,
  });
}

let instance: MatchingMetrics | undefined;

export function matchingMetrics(): MatchingMetrics {
  if (!instance) {
    register.removeSingleMetric('capmatch_matching_reconcile_seconds');
    register.removeSingleMetric('capmatch_matching_suggestion_changes_total');
    instance = new MatchingMetrics();
  }
  return instance;
}
