import { Counter, register } from 'prom-client';

/** Calls let through without a rate-limit check because Redis was away (fail open). */
export function limiterBypasses(): Counter<'service'> {
  const name = 'capmatch_rate_limiter_bypassed_total';
  const existing = register.getSingleMetric(name);
  if (existing) return existing as Counter<'service'>;
  return new Counter({
    name,
    help: 'Requests let through without a rate-limit check because Redis was unavailable',
    labelNames: ['service'],
  });
}
