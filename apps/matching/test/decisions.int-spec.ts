import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

describe('accepting and rejecting suggestions', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  it('accept proposes a pending partnership, emits partnership.proposed and supersedes the request\'s other proposals', async () => {
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
    expect(res.body).toMatchObject({
      suggestionId: chosen.id, requestId: req.id, offerIds: [a.id], country: 'RWA', cooperationType: 'north-south',
      status: 'pending', confirmations: [], reason: null, agreedAt: null, endedAt: null, version: 1,
    });
    expect((await h.get(`/v1/suggestions/${chosen.id}`)).body).toMatchObject({ status: 'accepted', decidedBy: 'int-coordinator' });
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    // Matching keeps no slot count of its own: the other request keeps a until the offers service says it is full.
    expect(await h.suggestionsOf(other.id)).toHaveLength(2);
    const [proposed] = await sql<{ id: string; payload: Json }>(
      `SELECT id, payload FROM matching.outbox WHERE type = 'partnership.proposed' AND aggregate_id = $1`, [res.body.id]);
    expect(proposed.payload).toEqual({ ...res.body, providerIds: [a.providerId] });
    expect((await h.get(`/v1/partnerships/${res.body.id}`)).body).toEqual(res.body);
    expect((await h.get(`/v1/partnerships?requestId=${req.id}&status=pending`)).body.items).toEqual([res.body]);

    // The offers service reserves the last slot: its offer.updated names the proposal as its cause.
    const echo = { ...envelope('offer.updated', { ...a, version: 2, remainingSlots: 0, status: 'exhausted' }), causationId: proposed.id };
    await h.feed.publish(echo as never);
    await h.quiet();
    expect((await h.suggestionsOf(other.id)).map((s) => s.offerIds)).toEqual([[b.id]]);

    expect((await h.post(`/v1/suggestions/${chosen.id}/accept`)).status).toBe(409);
    const history = (await h.get(`/v1/suggestions/${chosen.id}/history`)).body.items;
    expect(history.map((e: Json) => [e.action, e.actor.role])).toEqual([['proposed', 'system'], ['accepted', 'coordinator']]);
    const steps = (await h.get(`/v1/partnerships/${res.body.id}/history`)).body.items;
    expect(steps.map((e: Json) => [e.action, e.actor.sub])).toEqual([['proposed', 'int-coordinator']]);
  });

  it('a request with a pending partnership gets no new proposals, whatever its events say', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const second = offerSnapshot(lang, 'multilateral');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('offer.published', second), envelope('request.submitted', req));
    await h.quiet();
    const [s, t] = await h.suggestionsOf(req.id);
    expect((await h.post(`/v1/suggestions/${s.id}/accept`)).status).toBe(201);
    await h.feed.publish(envelope('request.updated', { ...req, version: 2, title: 'Edited while pending' }));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    expect((await h.post(`/v1/suggestions/${t.id}/accept`)).status).toBe(409);
  });

  it('of N concurrent accepts of one request\'s suggestions exactly one wins', async () => {
    const lang = freshLanguage();
    const offers = (['north', 'multilateral', 'south'] as const).map((origin) => offerSnapshot(lang, origin));
    const req = requestSnapshot(lang);
    await h.feed.publish(...offers.map((o) => envelope('offer.published', o)), envelope('request.submitted', req));
    await h.quiet();
    const ids = (await h.suggestionsOf(req.id)).map((x) => x.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const answers = await Promise.all(ids.map((id) => h.post(`/v1/suggestions/${id}/accept`)));
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409)).toHaveLength(ids.length - 1);
    const live = await sql(`SELECT id FROM matching.partnerships WHERE request_id = $1 AND status IN ('pending', 'agreed')`, [req.id]);
    expect(live).toHaveLength(1);
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
