// Helpers for partnership tests: a request with two offers from two providers, the parties'
// tokens, and readers for the state of a partnership in all three services.
import request from 'supertest';
import { waitForQuiet } from './quiet';
import { Scenario, type Json } from './scenario';
import type { Stack } from './stack';
import { tokenFor } from './tokens';

export interface SagaWorld {
  request: Json;
  /** The offer the partnership is made with (slots as given), and a second one for re-matching. */
  offer: Json;
  spare: Json;
  country: string;
  donor: string;
  spareDonor: string;
}

export class SagaScenario extends Scenario {
  constructor(stack: Stack) {
    super(stack);
  }

  /** A request of `country` and two offers it matches (different providers), matched and quiet. */
  async world(language: string, country = 'RWA', offerOverrides: Json = {}): Promise<SagaWorld> {
    const provider = await this.provider('government', 'JPN');
    const spareProvider = await this.provider('academia', 'CHL');
    const offer = await this.offer(provider, language, { slots: 1, ...offerOverrides });
    const spare = await this.offer(spareProvider, language, { budgetUsd: 20000 });
    const req = await this.request(country, language);
    await waitForQuiet();
    return {
      request: req,
      offer,
      spare,
      country: await tokenFor({ role: 'country', country, sub: `focal-${country}` }),
      donor: await tokenFor({ role: 'donor', providerId: provider.id, sub: `donor-${provider.id}` }),
      spareDonor: await tokenFor({ role: 'donor', providerId: spareProvider.id, sub: `donor-${spareProvider.id}` }),
    };
  }

  /** Accepts the request's proposal holding `offerId`; returns the pending partnership. */
  async propose(requestId: string, offerId: string): Promise<Json> {
    const proposals = await this.proposedFor(requestId);
    const chosen = proposals.find((x) => x.offerIds.includes(offerId));
    expect(chosen).toBeDefined();
    const res = await this.post(this.stack.matching, `/v1/suggestions/${chosen?.id}/accept`);
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('pending');
    return res.body;
  }

  act(token: string, id: string, verb: 'confirm' | 'decline' | 'cancel', body: Json = {}): Promise<request.Response> {
    return request(this.stack.matching.http).post(`/v1/partnerships/${id}/${verb}`).auth(token, { type: 'bearer' }).send(body);
  }

  async partnership(id: string): Promise<Json> {
    const res = await this.get(this.stack.matching, `/v1/partnerships/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async history(service: 'requests' | 'offers' | 'matching', path: string): Promise<Json[]> {
    const res = await this.get(this.stack[service], `${path}/history?limit=100`);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  /** Live (pending or agreed) partnerships holding the offer, by matching's record. */
  async liveOn(offerId: string): Promise<Json[]> {
    const res = await this.get(this.stack.matching, `/v1/partnerships?offerId=${offerId}&limit=200`);
    expect(res.status).toBe(200);
    return res.body.items.filter((p: Json) => p.status === 'pending' || p.status === 'agreed');
  }
}
