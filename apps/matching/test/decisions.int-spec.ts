import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

describe('accepting and rejecting suggestions', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  it('accept makes a partnership, emits partnership.created, matches the request and supersedes the rest', async () => {
    const lang = freshLanguage();
    const a = offerSnapshot(lang, 'north', { slots: 1, remainingSlots: 1 });
    const b = offerSnapshot(lang, 'south');
    const req = requestSnapshot(lang);
    const other = requestSnapshot(lang, { country: 'UGA' });
    await h.feed.publish(envelope('offer.published', a), envelope('offer.published', b));
    await h.quiet();
    await h.feed.publish(envelope('request.submitted', req), envelope('request.submitted', other));
    await h.quiet();
    const proposals = await h.suggestionsOf(req.id);
    expect(proposals).toHaveLength(2);
    const chosen = proposals.find((s) => s.offerIds[0] === a.id) as Json;

    const res = await h.post(`/v1/suggestions/${chosen.id}/accept`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ suggestionId: chosen.id, requestId: req.id, offerIds: [a.id], country: 'RWA', cooperationType: 'north-south' });

    expect((await h.get(`/v1/suggestions/${chosen.id}`)).body).toMatchObject({ status: 'accepted', decidedBy: 'int-coordinator' });
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    // a had one slot: the other request lost its proposal with it and keeps only b.
    expect((await h.suggestionsOf(other.id)).map((s) => s.offerIds)).toEqual([[b.id]]);
    const [projection] = await sql(`SELECT status FROM matching.request_projections WHERE id = $1`, [req.id]);
    expect(projection.status).toBe('matched');
    const events = await sql<{ payload: Json }>(`SELECT payload FROM matching.outbox WHERE type = 'partnership.created' AND aggregate_id = $1`, [res.body.id]);
    expect(events.map((e) => e.payload)).toEqual([res.body]);
    expect((await h.get(`/v1/partnerships/${res.body.id}`)).body).toEqual(res.body);
    expect((await h.get(`/v1/partnerships?requestId=${req.id}`)).body.items).toEqual([res.body]);

    const again = await h.post(`/v1/suggestions/${chosen.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    const history = (await h.get(`/v1/suggestions/${chosen.id}/history`)).body.items;
    expect(history.map((e: Json) => [e.action, e.actor.role])).toEqual([['proposed', 'system'], ['accepted', 'coordinator']]);
  });

  it('a late "open" event from the requests service does not reopen a request matched here', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const [s] = await h.suggestionsOf(req.id);
    expect((await h.post(`/v1/suggestions/${s.id}/accept`)).status).toBe(201);
    await h.feed.publish(envelope('request.updated', { ...req, version: 2, title: 'Edited before the match' }));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
  });

  it('of N concurrent accepts for an offer\'s last slot exactly one wins', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north', { slots: 1, remainingSlots: 1 });
    const requests = ['RWA', 'UGA', 'KEN', 'ETH', 'TZA', 'BDI'].map((country) => requestSnapshot(lang, { country }));
    await h.feed.publish(envelope('offer.published', offer));
    await h.quiet();
    await h.feed.publish(...requests.map((r) => envelope('request.submitted', r)));
    await h.quiet();
    const ids = (await Promise.all(requests.map((r) => h.suggestionsOf(r.id)))).map((items) => items[0].id);
    const answers = await Promise.all(ids.map((id) => h.post(`/v1/suggestions/${id}/accept`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    const [used] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM matching.allocations WHERE offer_id = $1`, [offer.id]);
    expect(used.n).toBe(1);
    const live = await sql(`SELECT id FROM matching.suggestions WHERE status = 'proposed' AND $1 = ANY(offer_ids)`, [offer.id]);
    expect(live).toHaveLength(0);
  });

  it('reject records the reason, emits suggestion.rejected and the combination never comes back', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const [s] = await h.suggestionsOf(req.id);

    const bad = await h.post(`/v1/suggestions/${s.id}/reject`, { reason: 'no' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: Json) => e.field)).toContain('reason');
    expect((await h.post(`/v1/suggestions/${s.id}/reject`, { reason: 'valid reason', extra: 1 })).status).toBe(400);

    const res = await h.post(`/v1/suggestions/${s.id}/reject`, { reason: 'Provider cannot travel in 2027' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'rejected', reason: 'Provider cannot travel in 2027', decidedBy: 'int-coordinator' });
    expect(res.body.decidedAt).not.toBeNull();
    const events = await sql(`SELECT id FROM matching.outbox WHERE type = 'suggestion.rejected' AND aggregate_id = $1`, [s.id]);
    expect(events).toHaveLength(1);

    await h.feed.publish(envelope('offer.updated', { ...offer, version: 2, budgetUsd: 90000 }));
    await h.feed.publish(envelope('request.updated', { ...req, version: 2, title: 'Still the same need' }));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    expect((await h.post(`/v1/suggestions/${s.id}/reject`, { reason: 'once more' })).status).toBe(409);
    expect((await h.post(`/v1/suggestions/${s.id}/accept`)).status).toBe(409);
  });

  it('an unchanged suggestion is not rewritten when an offer changes slightly', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const [before] = await h.suggestionsOf(req.id);
    await h.feed.publish(envelope('offer.updated', { ...offer, version: 2, title: 'Renamed programme', budgetUsd: 70000 }));
    await h.quiet();
    const [after] = await h.suggestionsOf(req.id);
    expect(after.id).toBe(before.id);
    const proposedEvents = await sql(`SELECT id FROM matching.outbox WHERE type = 'suggestion.proposed' AND payload->>'requestId' = $1`, [req.id]);
    expect(proposedEvents).toHaveLength(1);
  });
});
