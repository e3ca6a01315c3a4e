import { Counter, Gauge, register } from 'prom-client';

type Refresh = () => Promise<void>;

/**
 * The bus's Prometheus metrics, on the default registry that GET /metrics serves. They are
 * created once per process (several Nest apps may share one process in tests) and gauges are
 * refreshed at scrape time from whichever relays and workers are alive.
 */
class BusMetrics {
  private readonly refreshers = { backlog: new Set<Refresh>(), queues: new Set<Refresh>() };

  readonly outboxBacklog = new Gauge({
    name: 'capmatch_bus_outbox_backlog',
    help: 'Committed outbox events not yet relayed to Redis',
    labelNames: ['schema'] as const,
    collect: () => this.refresh('backlog'),
  });

  readonly queueJobs = new Gauge({
    name: 'capmatch_bus_queue_jobs',
    help: 'Jobs in a BullMQ event queue by state',
    labelNames: ['queue', 'state'] as const,
    collect: () => this.refresh('queues'),
  });

  readonly jobsCompleted = new Counter({
    name: 'capmatch_bus_jobs_completed_total',
    help: 'Event jobs handled successfully (duplicates skipped by the inbox included)',
    labelNames: ['queue', 'type'] as const,
  });

  readonly jobsFailed = new Counter({
    name: 'capmatch_bus_jobs_failed_total',
    help: 'Event job attempts that failed; final="true" when the job went to the failed set',
    labelNames: ['queue', 'type', 'final'] as const,
  });

  readonly relayPublished = new Counter({
    name: 'capmatch_bus_relay_published_total',
    help: 'Events the outbox relay added to a BullMQ queue',
    labelNames: ['schema', 'queue'] as const,
  });

  /** Registers a scrape-time refresh of one gauge (the registry collects gauges concurrently). */
  onScrape(gauge: keyof BusMetrics['refreshers'], refresh: Refresh): () => void {
    this.refreshers[gauge].add(refresh);
    return () => this.refreshers[gauge].delete(refresh);
  }

  private async refresh(gauge: keyof BusMetrics['refreshers']): Promise<void> {
    // A failing source (Redis down) must not break the whole /metrics answer.
    await Promise.allSettled([...this.refreshers[gauge]].map((r) => r()));
  }
}

let instance: BusMetrics | undefined;

export function busMetrics(): BusMetrics {
  if (!instance) {
    for (const name of ['capmatch_bus_outbox_backlog', 'capmatch_bus_queue_jobs', 'capmatch_bus_jobs_completed_total',
      'capmatch_bus_jobs_failed_total', 'capmatch_bus_relay_published_total']) {
      register.removeSingleMetric(name);
    }
    instance = new BusMetrics();
  }
  return instance;
}
