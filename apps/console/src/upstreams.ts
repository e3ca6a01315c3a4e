import type { ConsoleEnv } from './console.config';

/**
 * Which service answers which public path. The console is same-origin with the browser, so
 * the web app calls `/v1/...` as a curl user would and needs no CORS; the services stay the
 * only owners of their data and their authorisation.
 */
export const UPSTREAM_PATHS = {
  REQUESTS_URL: ['/v1/requests', '/v1/taxonomy', '/v1/countries'],
  OFFERS_URL: ['/v1/providers', '/v1/offers'],
  MATCHING_URL: ['/v1/suggestions', '/v1/partnerships', '/v1/allocations', '/v1/reports', '/v1/exports'],
  NOTIFICATIONS_URL: ['/v1/webhooks'],
} as const satisfies Record<keyof Omit<ConsoleEnv, 'CONSOLE_PORT' | 'HOST'>, readonly string[]>;

export type UpstreamVariable = keyof typeof UPSTREAM_PATHS;

/** The upstream variable for a request path, or null when no service owns it. */
export function upstreamOf(path: string): UpstreamVariable | null {
  for (const [variable, prefixes] of Object.entries(UPSTREAM_PATHS) as [UpstreamVariable, readonly string[]][]) {
    if (prefixes.some((p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`))) return variable;
  }
  return null;
}
