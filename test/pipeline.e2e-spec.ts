// Cross-service flow of the contract: a request and an offer become a proposed suggestion of
// the right cooperation type; a coordinator's accept proposes a partnership that the offers
// service reserves a slot for, and the parties' confirmations agree it. Also: triangular bundles appear only for requests
// that accept them, and the hard rules keep unfit pairs apart.
import { waitForQuiet } from './support/quiet';
import { Scenario, type Json } from './support/scenario';
import { useStack } from './support/stack';
import { tokenFor } from './support/tokens';
import request from 'supertest';

describe('capmatch pipeline (requests → matching → partnership)', () => {
  let s: Scenario;

  useStack((stack) => {
    s = new Scenario(stack);
  });

  it('proposes a fitting offer; an accept reserves a slot, both parties\' confirmations match the request', async () => {
    const giz = await s.provider('government', 'DEU');
    const offer = await s.offer(giz, 'yo', { slots: 2 });
    const req = await s.request('RWA', 'yo');
    await waitForQuiet();

    const proposed = await s.proposedFor(req.id);
    expect(proposed).toHaveLength(1);
    const [suggestion] = proposed;
    expect(suggestion).toMatchObject({ requestId: req.id, offerIds: [offer.id], cooperationType: 'north-south', status: 'proposed' });
    expect(suggestion.score).toBeGreaterThan(0);
    expect(suggestion.score).toBeLessThanOrEqual(1);
    expect(suggestion.explanation.length).toBeGreaterThan(0);

    const accepted = await s.post(s.stack.matching, `/v1/suggestions/${suggestion.id}/accept`);
    expect([200, 201]).toContain(accepted.status);
    await waitForQuiet();
    expect((await s.readRequest(req.id)).status).toBe('open');
    expect(await s.readOffer(offer.id)).toMatchObject({ remainingSlots: 1, status: 'open' });

    for (const token of [await tokenFor({ role: 'country', country: 'RWA' }), await tokenFor({ role: 'donor', providerId: giz.id })]) {
      const res = await request(s.stack.matching.http).post(`/v1/partnerships/${accepted.body.id}/confirm`).auth(token, { type: 'bearer' });
      expect(res.status).toBe(200);
    }
    await waitForQuiet();
    expect((await s.readRequest(req.id)).status).toBe('matched');
    const after = await s.readOffer(offer.id);
    expect(after).toMatchObject({ remainingSlots: 1, status: 'open' });
    const read = await s.get(s.stack.matching, `/v1/suggestions/${suggestion.id}`);
    expect(read.body).toMatchObject({ status: 'accepted', decidedBy: expect.any(String) });
    const partnerships = await s.get(s.stack.matching, `/v1/partnerships?limit=200`);
    const mine = partnerships.body.items.filter((p: Json) => p.requestId === req.id);
    expect(mine).toEqual([
      expect.objectContaining({ suggestionId: suggestion.id, offerIds: [offer.id], country: 'RWA', cooperationType: 'north-south', status: 'agreed' }),
    ]);
  });

  it('derives south-south and multilateral types from the provider', async () => {
    const south = await s.offer(await s.provider('academia', 'BRA'), 'ha');
    const multi = await s.offer(await s.provider('multilateral'), 'ha');
    const req = await s.request('BOL', 'ha');
    await waitForQuiet();

    const types = Object.fromEntries((await s.proposedFor(req.id)).map((x) => [x.offerIds.join('+'), x.cooperationType]));
    expect(types).toEqual({ [south.id]: 'south-south', [multi.id]: 'multilateral' });
  });

  it('bundles a southern provider with a facilitator for requests that accept triangular, and only for them', async () => {
    // The southern offer covers a part of the asked budget and the facilitator the rest, so the
    // bundle outranks the single; the single still shows after it (diversity orders, it does
    // not hide: distinct provider offers first, then the remaining combinations).
    const southOffer = await s.offer(await s.provider('government', 'IND'), 'ig', { budgetUsd: 30000 });
    const facilitator = await s.offer(await s.provider('government', 'SWE'), 'ig', {
      role: 'facilitator', capacityAreas: ['digital-infrastructure'], modalities: ['financing'],
    });
    const accepting = await s.request('KHM', 'ig', { cooperationTypes: ['south-south', 'triangular'] });
    const excluding = await s.request('LAO', 'ig', { cooperationTypes: ['north-south', 'south-south', 'multilateral'] });
    await waitForQuiet();

    const forAccepting = await s.proposedFor(accepting.id);
    expect(forAccepting.map((x) => [x.cooperationType, x.offerIds])).toEqual([
      ['triangular', [southOffer.id, facilitator.id]],
      ['south-south', [southOffer.id]],
    ]);

    const forExcluding = await s.proposedFor(excluding.id);
    expect(forExcluding.map((x) => x.cooperationType)).toEqual(['south-south']);
    // A facilitator never stands alone (rule 9).
    const all = await s.suggestions({ offerId: facilitator.id });
    expect(all.every((x) => x.cooperationType === 'triangular' && x.offerIds[1] === facilitator.id)).toBe(true);
  });

  it('never suggests across an exclusion: eligibility, language, window, own country', async () => {
    const africaAsia = { eligibility: { regions: ['africa', 'asia'], countries: [], groups: [] }, window: { start: '2027-01-01', end: '2027-12-31' } };
    const northOffer = await s.offer(await s.provider('government', 'FRA'), 'zu', africaAsia);
    const control = await s.request('ETH', 'zu');
    const ineligible = await s.request('BOL', 'zu');
    const noLanguage = await s.request('UGA', 'xh');
    const noOverlap = await s.request('SEN', 'zu', { window: { start: '2028-01-01', end: '2028-06-30' } });

    const kenyan = await s.offer(await s.provider('academia', 'KEN'), 'st', africaAsia);
    const ownCountry = await s.request('KEN', 'st');
    const neighbour = await s.request('TZA', 'st');
    await waitForQuiet();

    expect((await s.proposedFor(control.id)).map((x) => x.offerIds)).toEqual([[northOffer.id]]);
    expect((await s.proposedFor(neighbour.id)).map((x) => x.offerIds)).toEqual([[kenyan.id]]);
    for (const excluded of [ineligible, noLanguage, noOverlap, ownCountry]) {
      expect(await s.suggestions({ requestId: excluded.id })).toEqual([]);
    }
  });
});
