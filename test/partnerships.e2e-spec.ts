// The partnership saga across the three services: agreement in any order, every ending, who may
// act, and histories. Real Postgres and Redis, the services booted as in production.
import { Queue } from 'bullmq';
import request from 'supertest';
import { QUEUES } from '@capmatch/contracts';
import { waitForQuiet } from './support/quiet';
import { SagaScenario, type SagaWorld } from './support/saga';
import type { Json } from './support/scenario';
import { useStack } from './support/stack';
import { tokenFor } from './support/tokens';

describe('partnerships agreed by both parties', () => {
  let s: SagaScenario;
  // One delivery language per test (rule 5), so no test's objects are matched with another's.
  const languages = ['yo', 'ff', 'wo', 'ln', 'kg', 'ny', 'sn', 'om', 'so', 'ti', 'am', 'mg', 'rn', 'lg'];
  const lang = () => languages.shift() as string;

  useStack((stack) => {
    s = new SagaScenario(stack);
  });

  /** Returns once the requests service shows the request matched and the offers service the agreement. */
  async function agreedEverywhere(requestId: string, offerId: string): Promise<void> {
    for (;;) {
      const [req, steps] = await Promise.all([s.readRequest(requestId), s.history('offers', `/v1/offers/${offerId}`)]);
      if (req.status === 'matched' && steps.some((e) => e.action === 'partnership-agreed')) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  /** Slots back, partnership ended as said, the request open with proposals again. */
  async function expectEnded(w: SagaWorld, p: Json, status: string, reason: RegExp): Promise<void> {
    await waitForQuiet();
    expect(await s.partnership(p.id)).toMatchObject({ status, endedAt: expect.any(String) });
    expect((await s.partnership(p.id)).reason).toMatch(reason);
    const offer = await s.readOffer(w.offer.id);
    expect(offer.remainingSlots).toBe(offer.slots);
    expect((await s.readRequest(w.request.id)).status).toBe('open');
    expect(await s.liveOn(w.offer.id)).toEqual([]);
    const proposals = await s.proposedFor(w.request.id);
    expect(proposals.map((x) => x.offerIds[0])).toContain(w.spare.id);
    const actions = (await s.history('offers', `/v1/offers/${w.offer.id}`)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['slot-reserved', 'slot-released']));
    expect((await s.history('requests', `/v1/requests/${w.request.id}`)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['held', 'released']),
    );
  }

  it.each([
    ['country first', ['country', 'donor'] as const],
    ['provider first', ['donor', 'country'] as const],
  ])('agrees when both parties confirm (%s); the slot stays taken and the request is matched', async (_name, order) => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    expect(await s.readOffer(w.offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    expect((await s.readRequest(w.request.id)).status).toBe('open');
    expect((await s.partnership(p.id)).status).toBe('pending');

    const first = await s.act(w[order[0]], p.id, 'confirm');
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('pending');
    expect((await s.act(w[order[0]], p.id, 'confirm')).body).toEqual(first.body); // twice: unchanged
    const confirmedAt = Date.now();
    const last = await s.act(w[order[1]], p.id, 'confirm');
    expect(last.status).toBe(200);
    expect(last.body).toMatchObject({ status: 'agreed', agreedAt: expect.any(String) });
    expect(last.body.confirmations.map((c: Json) => c.party).sort()).toEqual(['country', 'provider']);
    // Printed, not asserted: from the last confirmation to `agreed` readable in all three services.
    await agreedEverywhere(w.request.id, w.offer.id);
    process.stdout.write(`last confirmation → agreed in matching, requests and offers (${_name}): ${Date.now() - confirmedAt} ms\n`);
    await waitForQuiet();

    expect((await s.readRequest(w.request.id)).status).toBe('matched');
    expect(await s.readOffer(w.offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    const steps = (await s.history('matching', `/v1/partnerships/${p.id}`)).map((e) => e.action);
    expect(steps[0]).toBe('proposed');
    expect(steps).toEqual(expect.arrayContaining(['reserved', 'held', 'confirmed', 'agreed']));
    expect(steps[steps.length - 1]).toBe('agreed');
    const offerSteps = await s.history('offers', `/v1/offers/${w.offer.id}`);
    expect(offerSteps.map((e) => e.action)).toEqual(['published', 'slot-reserved', 'partnership-agreed']);
    expect(offerSteps[1]).toMatchObject({ actor: { sub: 'matching', role: 'system' }, partnershipId: p.id });
    const requestSteps = (await s.history('requests', `/v1/requests/${w.request.id}`)).map((e) => e.action);
    expect(requestSteps).toEqual(['submitted', 'held', 'matched']);
    // An agreed request cannot be withdrawn: it is matched.
    const withdraw = await s.post(s.stack.requests, `/v1/requests/${w.request.id}/withdraw`, {});
    expect(withdraw.status).toBe(409);
  });

  it('agrees when the confirmations arrive before the reservation', async () => {
    const w = await s.world(lang());
    const offersQueue = new Queue(QUEUES.offers, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
    await offersQueue.pause();
    try {
      const p = await s.propose(w.request.id, w.offer.id);
      expect((await s.act(w.country, p.id, 'confirm')).body.status).toBe('pending');
      expect((await s.act(w.donor, p.id, 'confirm')).body.status).toBe('pending');
      expect((await s.readOffer(w.offer.id)).remainingSlots).toBe(1); // not reserved yet
    } finally {
      await offersQueue.resume();
      await offersQueue.close();
    }
    await waitForQuiet();
    const [p] = await s.liveOn(w.offer.id);
    expect(p.status).toBe('agreed');
    expect((await s.readRequest(w.request.id)).status).toBe('matched');
  });

  it('ends declined by the country: slots free, re-matched, the combination never back', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    const res = await s.act(w.country, p.id, 'decline', { reason: 'The ministry chose another partner' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('declined');
    await expectEnded(w, p, 'declined', /^declined by the country: The ministry/);
    expect((await s.proposedFor(w.request.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(false);
    // Not even after the offer changes.
    const patched = await request(s.stack.offers.http)
      .patch(`/v1/offers/${w.offer.id}`).auth(w.donor, { type: 'bearer' }).send({ budgetUsd: 120000 });
    expect(patched.status).toBe(200);
    await waitForQuiet();
    expect((await s.proposedFor(w.request.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(false);
  });

  it('ends declined by a provider', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    expect((await s.act(w.country, p.id, 'confirm')).status).toBe(200);
    expect((await s.act(w.donor, p.id, 'decline', { reason: 'No trainers free in 2027' })).status).toBe(200);
    await expectEnded(w, p, 'declined', /^declined by the provider/);
    expect((await s.proposedFor(w.request.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(false);
  });

  it('ends cancelled by a coordinator; the combination may come back', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    const res = await s.post(s.stack.matching, `/v1/partnerships/${p.id}/cancel`, { reason: 'Duplicate of an existing programme' });
    expect(res.status).toBe(200);
    await expectEnded(w, p, 'cancelled', /^cancelled: Duplicate/);
    expect((await s.proposedFor(w.request.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(true);
  });

  it('ends cancelled when the request is withdrawn while pending', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    const res = await request(s.stack.requests.http)
      .post(`/v1/requests/${w.request.id}/withdraw`).auth(w.country, { type: 'bearer' }).send({ reason: 'Funded nationally' });
    expect(res.status).toBe(200);
    await waitForQuiet();
    expect(await s.partnership(p.id)).toMatchObject({ status: 'cancelled', reason: 'request-withdrawn' });
    const offer = await s.readOffer(w.offer.id);
    expect(offer).toMatchObject({ remainingSlots: 1, status: 'open' });
    expect(await s.proposedFor(w.request.id)).toEqual([]);
    // The freed offer is proposed again to whoever fits.
    const next = await s.request('UGA', w.request.deliveryLanguages[0]);
    await waitForQuiet();
    expect((await s.proposedFor(next.id)).some((x) => x.offerIds.includes(w.offer.id))).toBe(true);
  });

  it('ends cancelled when an offer is withdrawn while pending', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    const res = await request(s.stack.offers.http)
      .post(`/v1/offers/${w.offer.id}/withdraw`).auth(w.donor, { type: 'bearer' }).send({});
    expect(res.status).toBe(200);
    await waitForQuiet();
    expect(await s.partnership(p.id)).toMatchObject({ status: 'cancelled', reason: 'offer-withdrawn' });
    expect(await s.readOffer(w.offer.id)).toMatchObject({ remainingSlots: 1, status: 'withdrawn' });
    expect((await s.readRequest(w.request.id)).status).toBe('open');
    expect((await s.proposedFor(w.request.id)).map((x) => x.offerIds)).toEqual([[w.spare.id]]);
  });

  it('refuses a proposal for an offer with no slot left: cancelled offer-unavailable, nothing taken', async () => {
    const w = await s.world(lang());
    const other = await s.request('UGA', w.request.deliveryLanguages[0]);
    await waitForQuiet();
    const offersQueue = new Queue(QUEUES.offers, { connection: { url: process.env.REDIS_URL }, prefix: process.env.QUEUE_PREFIX });
    await offersQueue.pause();
    let first: Json;
    let second: Json;
    try {
      first = await s.propose(w.request.id, w.offer.id);
      second = await s.propose(other.id, w.offer.id); // matching's view still shows the slot
    } finally {
      await offersQueue.resume();
      await offersQueue.close();
    }
    await waitForQuiet();
    const states = [await s.partnership(first.id), await s.partnership(second.id)];
    expect(states.map((x) => x.status).sort()).toEqual(['cancelled', 'pending']);
    expect(states.find((x) => x.status === 'cancelled')?.reason).toBe('offer-unavailable');
    expect(await s.readOffer(w.offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    expect(await s.liveOn(w.offer.id)).toHaveLength(1);
  });

  it('lets only the parties act: 403 or 404 as the contract says, 409 once it is not pending', async () => {
    const w = await s.world(lang());
    const p = await s.propose(w.request.id, w.offer.id);
    await waitForQuiet();
    const otherCountry = await tokenFor({ role: 'country', country: 'UGA', sub: 'uga' });
    const otherDonor = w.spareDonor; // a donor whose offer is not in this partnership
    const coordinator = await tokenFor({ role: 'coordinator', sub: 'c' });
    expect((await s.act(otherCountry, p.id, 'confirm')).status).toBe(404);
    expect((await s.act(otherDonor, p.id, 'confirm')).status).toBe(404);
    expect((await s.act(otherCountry, p.id, 'decline', { reason: 'not ours at all' })).status).toBe(404);
    expect((await s.act(coordinator, p.id, 'confirm')).status).toBe(403);
    expect((await s.act(coordinator, p.id, 'decline', { reason: 'a coordinator cannot' })).status).toBe(403);
    expect((await s.act(w.country, p.id, 'cancel', { reason: 'countries cannot cancel' })).status).toBe(403);
    expect((await s.act(w.country, p.id, 'decline', { reason: 'no' })).status).toBe(400);
    expect((await s.act(w.country, p.id, 'decline', {})).body.errors.map((e: Json) => e.field)).toContain('reason');
    expect((await s.act(w.country, '00000000-0000-4000-8000-000000000000', 'confirm')).status).toBe(404);
    expect((await s.act(w.country, 'not-a-uuid', 'confirm')).status).toBe(400);
    expect((await s.act(otherCountry, p.id, 'confirm')).status).toBe(404);
    expect((await s.get(s.stack.matching, `/v1/partnerships/${p.id}/history`)).status).toBe(200);
    expect((await request(s.stack.matching.http).get(`/v1/partnerships/${p.id}`).auth(otherCountry, { type: 'bearer' })).status).toBe(404);
    expect((await s.post(s.stack.matching, `/v1/partnerships/${p.id}/cancel`, { reason: 'Cancelled for the test' })).status).toBe(200);
    expect((await s.act(w.country, p.id, 'confirm')).status).toBe(409);
    expect((await s.act(w.donor, p.id, 'decline', { reason: 'too late now' })).status).toBe(409);
    expect((await s.post(s.stack.matching, `/v1/partnerships/${p.id}/cancel`, { reason: 'Cancelled twice' })).status).toBe(409);
  });
});
