// Builders for cross-service tests: providers, offers and requests created through the public
// API with sensible defaults, and readers for what the other services show afterwards. Every
// test passes its own delivery language: rule 5 (a shared delivery language) then keeps the
// objects of one test from ever being suggested with those of another in the same stack.
import request from 'supertest';
import type { StartedService } from './app';
import type { Stack } from './stack';
import { tokenFor } from './tokens';

export type Json = Record<string, any>;

export const coordinator = () => tokenFor({ role: 'coordinator', sub: 'e2e-coordinator' });

export function offerBody(language: string, overrides: Json = {}): Json {
  return {
    title: 'AI skills programme',
    description: 'Training and technical assistance for public servants.',
    language: 'en',
    capacityAreas: ['skills-and-education', 'data'],
    modalities: ['training', 'technical-assistance'],
    sdgs: [4, 9],
    targetGroups: ['women-and-girls'],
    deliveryLanguages: [language],
    slots: 2,
    budgetUsd: 100000,
    window: { start: '2027-01-01', end: '2028-12-31' },
    civilianUseOnly: true,
    ...overrides,
  };
}

export function requestBody(language: string, overrides: Json = {}): Json {
  return {
    title: 'Data skills for the civil service',
    description: 'Train statisticians and analysts in data science and responsible AI.',
    language: 'en',
    capacityAreas: ['skills-and-education'],
    modalities: ['training'],
    sdgs: [4],
    targetGroups: ['women-and-girls'],
    deliveryLanguages: [language],
    budgetUsd: 80000,
    window: { start: '2027-03-01', end: '2027-12-31' },
    ...overrides,
  };
}

export class Scenario {
  constructor(readonly stack: Stack) {}

  async provider(kind: string, country?: string): Promise<Json> {
    const body = { name: `${kind} ${country ?? 'international'} ${Math.random().toString(36).slice(2, 8)}`, kind, ...(country ? { country } : {}) };
    const res = await request(this.stack.offers.http).post('/v1/providers').auth(await coordinator(), { type: 'bearer' }).send(body);
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Creates an offer with the provider's donor token. */
  async offer(provider: Json, language: string, overrides: Json = {}): Promise<Json> {
    const token = await tokenFor({ role: 'donor', providerId: provider.id });
    const res = await request(this.stack.offers.http).post('/v1/offers').auth(token, { type: 'bearer' }).send(offerBody(language, overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  /** Creates a request with the country's own token. */
  async request(country: string, language: string, overrides: Json = {}): Promise<Json> {
    const token = await tokenFor({ role: 'country', country });
    const res = await request(this.stack.requests.http).post('/v1/requests').auth(token, { type: 'bearer' }).send(requestBody(language, overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  async get(service: StartedService, path: string): Promise<request.Response> {
    return request(service.http).get(path).auth(await coordinator(), { type: 'bearer' });
  }

  async post(service: StartedService, path: string, body: Json = {}, headers: Record<string, string> = {}): Promise<request.Response> {
    return request(service.http).post(path).set(headers).auth(await coordinator(), { type: 'bearer' }).send(body);
  }

  /** Every suggestion matching the query, best first, read from the given matching instance. */
  async suggestions(query: Record<string, string>, matcher: StartedService = this.stack.matching): Promise<Json[]> {
    const items: Json[] = [];
    let cursor: string | null = null;
    do {
      const params = new URLSearchParams({ ...query, limit: '200', ...(cursor ? { cursor } : {}) });
      const res = await this.get(matcher, `/v1/suggestions?${params.toString()}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  async proposedFor(requestId: string): Promise<Json[]> {
    return this.suggestions({ requestId, status: 'proposed' });
  }

  async readRequest(id: string): Promise<Json> {
    const res = await this.get(this.stack.requests, `/v1/requests/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  async readOffer(id: string): Promise<Json> {
    const res = await this.get(this.stack.offers, `/v1/offers/${id}`);
    expect(res.status).toBe(200);
    return res.body;
  }
}
