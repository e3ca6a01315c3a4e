import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Histogram, register } from 'prom-client';

/** Registered once per process: tests boot several apps in one process on the default registry. */
function httpDuration(): Histogram<'method' | 'route' | 'status'> {
  const existing = register.getSingleMetric('http_request_duration_seconds');
  if (existing) return existing as Histogram<'method' | 'route' | 'status'>;
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  return new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
}

/**
 * Times every request. The route label is Express's pattern (`/v1/requests/:id`), never the raw
 * path, so ids do not explode the label cardinality; unmatched paths share one label.
 */
export function httpMetricsMiddleware() {
  const histogram = httpDuration();
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = histogram.startTimer();
    res.once('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      end({ method: req.method, route: route ? `${req.baseUrl}${route}` : 'unmatched', status: String(res.statusCode) });
    });
    next();
  };
}
