// Coordinators' decisions across services: racing accepts for an offer's last slot, rejected
// combinations that must never come back, and an offer withdrawn under its proposals.
import { waitForQuiet } from './support/quiet';
import { Scenario, type Json } from './support/scenario';
import { useStack } from './support/stack';
import { tokenFor } from './support/tokens';
import request from 'supertest';

describe('coordinator decisions across services', () => {
  let s: Scenario;

  useStack((stack) => {
    s = new Scenario(stack);
  });

  it('lets exactly one of several concurrent accepts keep the last slot: the offers service refuses the others', async () => {
    const offer = await s.offer(await s.provider('government', 'JPN'), 'tn', { slots: 1 });
    const countries = ['RWA', 'SEN', 'MOZ', 'ETH', 'NPL'];
    const requests = await Promise.all(countries.map((c) => s.request(c, 'tn')));
    await waitForQuiet();
    const suggestions = await Promise.all(requests.map(async (r) => (await s.proposedFor(r.id))[0]));
    suggestions.forEach((x) => expect(x?.offerIds).toEqual([offer.id]));

    // Matching proposes on its own view; the offers service, which owns the slot, decides.
    const answers = await Promise.all(suggestions.map((x) => s.post(s.stack.matching, `/v1/suggestions/${x.id}/accept`)));
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    await waitForQuiet();

    expect(await s.readOffer(offer.id)).toMatchObject({ remainingSlots: 0, status: 'exhausted' });
    const states = await Promise.all(requests.map((r) => s.readRequest(r.id)));
    expect(states.map((r) => r.status)).toEqual(['open', 'open', 'open', 'open', 'open']);
    // The losers' suggestions for the exhausted offer no longer stand.
    expect(await s.suggestions({ offerId: offer.id, status: 'proposed' })).toEqual([]);
    const partnerships = (await s.get(s.stack.matching, `/v1/partnerships?offerId=${offer.id}&limit=200`)).body.items as Json[];
    expect(partnerships.filter((p) => p.status === 'pending')).toHaveLength(1);
    const ended = partnerships.filter((p) => p.status !== 'pending');
    expect(ended.every((p) => p.status === 'cancelled' && p.reason === 'offer-unavailable')).toBe(true);
  });

  it('never proposes a rejected combination again, even after the request changes', async () => {
    const offer = await s.offer(await s.provider('government', 'KOR'), 'ts');
    const req = await s.request('KHM', 'ts');
    await waitForQuiet();
    const [first] = await s.proposedFor(req.id);
    expect(first.offerIds).toEqual([offer.id]);

    const rejected = await s.post(s.stack.matching, `/v1/suggestions/${first.id}/reject`, { reason: 'Provider already active in this sector' });
    expect([200, 201]).toContain(rejected.status);
    await waitForQuiet();
    expect((await s.get(s.stack.matching, `/v1/suggestions/${first.id}`)).body).toMatchObject({ status: 'rejected', reason: 'Provider already active in this sector' });

    const token = await tokenFor({ role: 'country', country: 'KHM' });
    const patched = await request(s.stack.requests.http)
      .patch(`/v1/requests/${req.id}`)
      .auth(token, { type: 'bearer' })
      .set('If-Match', `"${req.version}"`)
      .send({ budgetUsd: 95000, modalities: ['training', 'technical-assistance'] });
    expect(patched.status).toBe(200);
    const newcomer = await s.offer(await s.provider('academia', 'CHL'), 'ts');
    await waitForQuiet();

    const proposed = await s.proposedFor(req.id);
    expect(proposed.map((x) => x.offerIds)).toEqual([[newcomer.id]]);
    const everForOffer = await s.suggestions({ requestId: req.id, offerId: offer.id });
    expect(everForOffer.map((x) => x.status)).toEqual(['rejected']);
  });

  it('supersedes the proposals of an offer that is withdrawn', async () => {
    const provider = await s.provider('development-bank');
    const offer = await s.offer(provider, 've');
    const requests = await Promise.all(['BGD', 'TLS'].map((c) => s.request(c, 've')));
    await waitForQuiet();
    const before = await s.suggestions({ offerId: offer.id, status: 'proposed' });
    expect(before).toHaveLength(2);

    const donor = await tokenFor({ role: 'donor', providerId: provider.id });
    const withdrawn = await request(s.stack.offers.http).post(`/v1/offers/${offer.id}/withdraw`).auth(donor, { type: 'bearer' }).send({});
    expect([200, 201]).toContain(withdrawn.status);
    await waitForQuiet();

    expect(await s.suggestions({ offerId: offer.id, status: 'proposed' })).toEqual([]);
    const after = await Promise.all(before.map(async (x) => (await s.get(s.stack.matching, `/v1/suggestions/${x.id}`)).body));
    expect(after.map((x) => x.status)).toEqual(['superseded', 'superseded']);
    for (const r of requests) expect((await s.readRequest(r.id)).status).toBe('open');
  });
});
