// The partnership part of `npm run demo`: a coordinator accepts the best suggestion of a few
// requests, then the countries and providers confirm some and decline one, as in contract.md
// ("Partnerships: agreed by both parties"). Everything goes through the public API.
import type { CapmatchClient } from './capmatch-client';
import type { TokenBook } from './dev-tokens';
import type { Suggestion } from './api-types';
import { formatColumns, truncate } from './suggestion-table';

interface Partnership {
  id: string;
  requestId: string;
  offerIds: string[];
  cooperationType: string;
  status: string;
  reason: string | null;
}

/** What the parties do with each accepted partnership, in order. */
const SCRIPT: Array<{ plan: string; steps: Array<'country' | 'providers' | 'country-declines'> }> = [
  { plan: 'country, then providers confirm', steps: ['country', 'providers'] },
  { plan: 'providers, then country confirm', steps: ['providers', 'country'] },
  { plan: 'country declines', steps: ['country-declines'] },
  { plan: 'only the country confirms', steps: ['country'] },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class PartnershipFlow {
  constructor(
    private readonly client: CapmatchClient,
    private readonly tokens: TokenBook,
    private readonly waitSeconds: number,
  ) {}

  /** Runs the script over the first requests that have a suggestion; returns the outcome table. */
  async run(requests: Array<{ id: string; country: string; title: string }>, suggestions: Map<string, Suggestion[]>): Promise<string> {
    const picked = requests.filter((r) => (suggestions.get(r.id) ?? []).length > 0).slice(0, SCRIPT.length);
    const rows: string[][] = [];
    for (const [i, r] of picked.entries()) {
      const best = [...(suggestions.get(r.id) ?? [])].sort((a, b) => b.score - a.score)[0];
      const p = await this.accept(best);
      if (!p) {
        rows.push([r.country, truncate(r.title, 36), best.cooperationType, SCRIPT[i].plan, '(accept refused: decided on an earlier run)', '', '']);
        continue;
      }
      await this.untilAnswered(p.id);
      for (const step of SCRIPT[i].steps) await this.act(r.country, p, step);
      const after = await this.settled(p.id);
      const request = await this.client.expect<{ status: string }>(200, 'requests', 'GET', `/v1/requests/${r.id}`, { token: await this.tokens.coordinator() });
      const slots = await this.slotsOf(p.offerIds);
      rows.push([r.country, truncate(r.title, 36), p.cooperationType, SCRIPT[i].plan, after.status + (after.reason ? ` (${truncate(after.reason, 40)})` : ''), request.status, slots]);
    }
    return formatColumns(['country', 'request', 'type', 'parties', 'partnership', 'request now', 'offer slots left'], rows);
  }

  private async accept(s: Suggestion): Promise<Partnership | null> {
    const res = await this.client.call<Partnership>('matching', 'POST', `/v1/suggestions/${s.id}/accept`, { token: await this.tokens.coordinator() });
    return res.status === 201 ? res.body : null;
  }

  /** Waits until the offers and requests services answered the proposal (reserved and held, or refused). */
  private async untilAnswered(id: string): Promise<void> {
    const deadline = Date.now() + this.waitSeconds * 1000;
    while (Date.now() < deadline) {
      const history = await this.client.expect<{ items: Array<{ action: string }> }>(200, 'matching', 'GET', `/v1/partnerships/${id}/history`, {
        token: await this.tokens.coordinator(),
      });
      const actions = new Set(history.items.map((h) => h.action));
      if ((actions.has('reserved') && actions.has('held')) || actions.has('cancelled')) return;
      await sleep(200);
    }
  }

  private async act(country: string, p: Partnership, step: 'country' | 'providers' | 'country-declines'): Promise<void> {
    const path = `/v1/partnerships/${p.id}`;
    if (step === 'country') await this.client.call('matching', 'POST', `${path}/confirm`, { token: await this.tokens.country(country) });
    if (step === 'country-declines') {
      await this.client.call('matching', 'POST', `${path}/decline`, {
        token: await this.tokens.country(country), body: { reason: 'The ministry has funded this need nationally' },
      });
    }
    if (step === 'providers') {
      for (const offerId of p.offerIds) {
        const offer = await this.client.expect<{ providerId: string }>(200, 'offers', 'GET', `/v1/offers/${offerId}`, { token: await this.tokens.coordinator() });
        await this.client.call('matching', 'POST', `${path}/confirm`, { token: await this.tokens.donor(offer.providerId) });
      }
    }
  }

  /** The partnership once the requests service agrees with it (matched when agreed, open otherwise). */
  private async settled(id: string): Promise<Partnership> {
    const deadline = Date.now() + this.waitSeconds * 1000;
    for (;;) {
      const p = await this.client.expect<Partnership>(200, 'matching', 'GET', `/v1/partnerships/${id}`, { token: await this.tokens.coordinator() });
      const r = await this.client.expect<{ status: string }>(200, 'requests', 'GET', `/v1/requests/${p.requestId}`, { token: await this.tokens.coordinator() });
      if (p.status !== 'agreed' || r.status === 'matched' || Date.now() > deadline) return p;
      await sleep(200);
    }
  }

  private async slotsOf(offerIds: string[]): Promise<string> {
    const token = await this.tokens.coordinator();
    const offers = await Promise.all(offerIds.map((id) => this.client.expect<{ remainingSlots: number; slots: number }>(200, 'offers', 'GET', `/v1/offers/${id}`, { token })));
    return offers.map((o) => `${o.remainingSlots}/${o.slots}`).join(' + ');
  }
}
