import type { Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

type HttpDuration = Histogram<'method' | 'route' | 'status'>;

/** Registered once per process: tests boot several apps in one process on the default registry. */
export function httpDuration(): HttpDuration {
  const existing = register.getSingleMetric('http_request_duration_seconds');
  if (existing) return existing as HttpDuration;
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/**
 * Times one answered request (the request pipeline calls it when the answer is sent, with the
 * `performance.now()` of its arrival). The route label is Express's pattern
 * (`/v1/requests/:id`), never the raw path, so ids do not explode the label cardinality;
 * unmatched paths share one label.
 */
export function observeHttp(histogram: HttpDuration, req: Request, res: Response, startedMs: number): void {
  const route = (req.route as { path?: string } | undefined)?.path;
  histogram.observe(
    { method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) },
    (performance.now() - startedMs) / 1000,
  );
}
