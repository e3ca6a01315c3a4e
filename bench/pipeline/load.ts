// Loads the benchmark's open offers through the public API: providers with a coordinator
// token, then offers with each provider's donor token, many at a time, with a progress bar.
import { performance } from 'node:perf_hooks';
import type { CapmatchClient } from '../../scripts/lib/capmatch-client';
import { mapConcurrent } from '../../scripts/lib/concurrency';
import type { OfferBody, ProviderBody } from '../../scripts/lib/api-types';
import type { TokenBook } from '../../scripts/lib/dev-tokens';
import { ProgressBar } from '../../scripts/lib/progress-bar';
import { rng } from '../support/random';
import { offer, providers as syntheticProviders, request as syntheticRequest } from './synthetic';

/** A provider the bench registered, with its id. */
export type LoadedProvider = ProviderBody & { id: string };

export interface Loaded {
  providers: number;
  offers: number;
  perSecond: number;
  /** The registered providers and the offers created, for a stream of later changes (churn.ts). */
  providerList: LoadedProvider[];
  created: Array<{ id: string; provider: LoadedProvider; body: OfferBody }>;
}

const CONCURRENCY = Math.max(1, Math.min(256, Number(process.env.BENCH_LOAD_CONCURRENCY ?? 32) || 32));

export async function loadOffers(client: CapmatchClient, tokens: TokenBook, count: number): Promise<Loaded> {
  if (count === 0) return { providers: 0, offers: 0, perSecond: 0, providerList: [], created: [] };
  const providerBodies = syntheticProviders(Math.max(1, Math.min(300, Math.ceil(count / 30))));
  const coordinator = await tokens.coordinator();
  const providerBar = new ProgressBar('providers', providerBodies.length);
  const providers = await mapConcurrent(providerBodies, CONCURRENCY, async (body) => {
    const created = await client.expect<{ id: string }>(201, 'offers', 'POST', '/v1/providers', { token: coordinator, body });
    providerBar.tick();
    return { ...body, id: created.id };
  });
  providerBar.finish();

  const r = rng(2024);
  const plan = Array.from({ length: count }, (_, i) => {
    const provider = providers[Math.floor(r() * providers.length)];
    return { provider, body: offer(r, provider, i) };
  });
  const bar = new ProgressBar('offers', count);
  const started = performance.now();
  let step = 0;
  const created = await mapConcurrent(plan, CONCURRENCY, async ({ provider, body }) => {
    const offer = await client.expect<{ id: string }>(201, 'offers', 'POST', '/v1/offers', { token: await tokens.donor(provider.id), body });
    if (++step % 50 === 0) bar.update(step);
    return { id: offer.id, provider, body };
  });
  const seconds = (performance.now() - started) / 1000;
  bar.finish(`${(count / seconds).toFixed(0)} offers/s`);
  return { providers: providers.length, offers: count, perSecond: count / seconds, providerList: providers, created };
}

/**
 * Preloads open requests through the API (`--requests`), so that offer changes meet a world of
 * requests to re-rank: seeded apart from the measured ones, 32 in flight.
 */
export async function loadRequests(client: CapmatchClient, tokens: TokenBook, count: number): Promise<{ requests: number; perSecond: number }> {
  if (count === 0) return { requests: 0, perSecond: 0 };
  const r = rng(7077);
  const plan = Array.from({ length: count }, (_, i) => syntheticRequest(r, 1_000_000 + i));
  const bar = new ProgressBar('requests', count);
  const started = performance.now();
  let step = 0;
  await mapConcurrent(plan, CONCURRENCY, async ({ country, body }) => {
    await client.expect<{ id: string }>(201, 'requests', 'POST', '/v1/requests', { token: await tokens.country(country), body });
    if (++step % 50 === 0) bar.update(step);
  });
  const seconds = (performance.now() - started) / 1000;
  bar.finish(`${(count / seconds).toFixed(0)} requests/s`);
  return { requests: count, perSecond: count / seconds };
}
