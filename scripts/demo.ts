// `npm run demo`: loads the demonstration set through the public API of the running services
// (providers with a coordinator token, offers with each provider's donor token, requests with
// each country's token), waits until matching has settled, prints the top suggestions, then plays
// the partnership saga on a few of them (accept, confirm, decline) and prints the outcomes.
// Every create carries a stable Idempotency-Key, so running the demo again creates nothing new.
import { ApiError, CapmatchClient, ServiceUnreachableError, serviceUrlsFromEnv } from './lib/capmatch-client';
import { mapConcurrent } from './lib/concurrency';
import { TokenBook } from './lib/dev-tokens';
import { ProgressBar } from './lib/progress-bar';
import { PartnershipFlow } from './lib/partnership-flow';
import { renderTable, type TableRow } from './lib/suggestion-table';
import type { Page, Suggestion } from './lib/api-types';
import { DEMO_OFFERS, DEMO_PROVIDERS } from './demo-data-offers';
import { DEMO_REQUESTS } from './demo-data-requests';

/** Bump when the data set changes, so a re-run creates the new objects instead of replaying. */
const KEY_PREFIX = 'capmatch-demo-v1';
const TOP = Math.max(1, Math.min(5, Number(process.env.DEMO_TOP ?? 3) || 3));
const WAIT_SECONDS = Math.max(5, Math.min(300, Number(process.env.DEMO_WAIT_SECONDS ?? 60) || 60));

const client = new CapmatchClient(serviceUrlsFromEnv());
const tokens = new TokenBook();

async function loadProviders(): Promise<Map<string, { id: string; name: string }>> {
  const bar = new ProgressBar('providers', DEMO_PROVIDERS.length);
  const token = await tokens.coordinator();
  const out = new Map<string, { id: string; name: string }>();
  await mapConcurrent(DEMO_PROVIDERS, 4, async ({ key, short, ...body }) => {
    const created = await client.expect<{ id: string }>([200, 201], 'offers', 'POST', '/v1/providers', {
      token, body, idempotencyKey: `${KEY_PREFIX}:provider:${key}`,
    });
    out.set(key, { id: created.id, name: short });
    bar.tick();
  });
  bar.finish();
  return out;
}

async function loadOffers(providers: Map<string, { id: string; name: string }>): Promise<Map<string, string>> {
  const bar = new ProgressBar('offers', DEMO_OFFERS.length);
  const providerOfOffer = new Map<string, string>();
  await mapConcurrent(DEMO_OFFERS, 4, async (offer) => {
    const provider = providers.get(offer.provider);
    if (!provider) throw new Error(`demo data: offer ${offer.key} names unknown provider ${offer.provider}`);
    const created = await client.expect<{ id: string }>([200, 201], 'offers', 'POST', '/v1/offers', {
      token: await tokens.donor(provider.id), body: offer.body, idempotencyKey: `${KEY_PREFIX}:offer:${offer.key}`,
    });
    providerOfOffer.set(created.id, provider.name);
    bar.tick();
  });
  bar.finish();
  return providerOfOffer;
}

async function loadRequests(): Promise<Array<{ id: string; country: string; title: string }>> {
  const bar = new ProgressBar('requests', DEMO_REQUESTS.length);
  const out = await mapConcurrent(DEMO_REQUESTS, 4, async (r) => {
    const created = await client.expect<{ id: string }>([200, 201], 'requests', 'POST', '/v1/requests', {
      token: await tokens.country(r.country), body: r.body, idempotencyKey: `${KEY_PREFIX}:request:${r.key}`,
    });
    bar.tick();
    return { id: created.id, country: r.country, title: r.body.title };
  });
  bar.finish();
  return out;
}

async function proposedFor(requestId: string): Promise<Suggestion[]> {
  const page = await client.expect<Page<Suggestion>>(200, 'matching', 'GET',
    `/v1/suggestions?requestId=${requestId}&status=proposed&limit=200`, { token: await tokens.coordinator() });
  return page.items;
}

/** Polls until the proposed suggestions of every demo request stay the same for 3 rounds. */
async function waitForSuggestions(requests: Array<{ id: string }>): Promise<Map<string, Suggestion[]>> {
  const bar = new ProgressBar('matching settles', requests.length);
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  let last = '';
  let stableRounds = 0;
  let current = new Map<string, Suggestion[]>();
  let shown = 0;
  while (Date.now() < deadline) {
    const lists = await mapConcurrent(requests, 8, (r) => proposedFor(r.id));
    current = new Map(requests.map((r, i) => [r.id, lists[i]]));
    const withSome = lists.filter((l) => l.length > 0).length;
    if (withSome > shown) bar.tick(withSome - shown);
    shown = Math.max(shown, withSome);
    const signature = lists.map((l) => l.map((s) => `${s.id}:${s.score}`).join(',')).join('|');
    stableRounds = signature === last && withSome > 0 ? stableRounds + 1 : 0;
    last = signature;
    if (stableRounds >= 3) break;
    await new Promise((resolve) => setTimeout(resolve, 700));
  }
  bar.finish(stableRounds >= 3 ? `${shown}/${requests.length} requests have suggestions` : `not stable after ${WAIT_SECONDS} s, showing what is there`);
  return current;
}

async function main(): Promise<void> {
  await client.assertReady();
  const providers = await loadProviders();
  const providerOfOffer = await loadOffers(providers);
  const requests = await loadRequests();
  const suggestions = await waitForSuggestions(requests);

  const rows: TableRow[] = [];
  const byType = new Map<string, number>();
  for (const r of requests) {
    const top = (suggestions.get(r.id) ?? []).sort((a, b) => b.score - a.score).slice(0, TOP);
    if (top.length === 0) rows.push({ country: r.country, title: r.title, suggestion: null, providers: '' });
    for (const s of top) {
      byType.set(s.cooperationType, (byType.get(s.cooperationType) ?? 0) + 1);
      const names = s.offerIds.map((id) => providerOfOffer.get(id) ?? id.slice(0, 8));
      rows.push({ country: r.country, title: r.title, suggestion: s, providers: names.join(' + ') });
    }
  }
  process.stdout.write(`\nTop ${TOP} suggestions per request (${requests.length} requests, ${DEMO_OFFERS.length} offers, ${providers.size} providers)\n\n`);
  process.stdout.write(`${renderTable(rows)}\n\n`);
  const summary = [...byType.entries()].map(([t, n]) => `${t}: ${n}`).join(', ');
  process.stdout.write(`Shown by cooperation type: ${summary || 'none'}\n`);

  const flow = new PartnershipFlow(client, tokens, WAIT_SECONDS);
  process.stdout.write('\nPartnerships: a coordinator accepts the best suggestion of four requests; the parties decide\n\n');
  process.stdout.write(`${await flow.run(requests, suggestions)}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ServiceUnreachableError) {
    process.stderr.write(
      `\ncapmatch demo: ${error.message}.\nStart the services first (npm run build && npm run start:all), ` +
        'or point REQUESTS_URL, OFFERS_URL and MATCHING_URL at running ones.\n',
    );
  } else if (error instanceof ApiError) {
    process.stderr.write(`\ncapmatch demo: ${error.message}\n`);
  } else {
    process.stderr.write(`\ncapmatch demo failed: ${(error as Error)?.stack ?? String(error)}\n`);
  }
  process.exit(1);
});
