import { randomUUID } from 'node:crypto';
import { tokenFor } from '../../../test/support/tokens';
import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

describe('allocation plans over HTTP', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start({ ALLOCATION_TIME_LIMIT_MS: '20000' })));
  afterAll(() => h.close());

  /** Two one-slot offers, two requests that each have both as suggestions. */
  async function twoByTwo(): Promise<{ requests: string[]; offers: string[]; snapshots: ReturnType<typeof offerSnapshot>[] }> {
    const lang = freshLanguage();
    const offers = [offerSnapshot(lang, 'north', { slots: 1, remainingSlots: 1 }), offerSnapshot(lang, 'south', { slots: 1, remainingSlots: 1 })];
    const requests = [requestSnapshot(lang), requestSnapshot(lang, { country: 'UGA' })];
    await h.feed.publish(...offers.map((o) => envelope('offer.published', o)));
    await h.quiet();
    await h.feed.publish(...requests.map((r) => envelope('request.submitted', r)));
    await h.quiet();
    for (const r of requests) expect(await h.suggestionsOf(r.id)).toHaveLength(2);
    return { requests: requests.map((r) => r.id), offers: offers.map((o) => o.id), snapshots: offers };
  }

  it('computes a plan that serves both requests with one slot each, readable by id', async () => {
    const { requests } = await twoByTwo();
    const res = await h.post('/v1/allocations', { requestIds: requests });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ objective: 'fair', optimal: true, unassigned: [] });
    expect(res.body.items.map((i: Json) => i.requestId).sort()).toEqual([...requests].sort());
    const suggestions = await sql<{ offer_ids: string[] }>(`SELECT offer_ids FROM matching.suggestions WHERE id = ANY($1::uuid[])`,
      [res.body.items.map((i: Json) => i.suggestionId)]);
    expect(new Set(suggestions.map((s) => s.offer_ids[0])).size).toBe(2);
    expect(res.body.stats).toMatchObject({ served: 2, servedPriority: 2, greedy: { served: expect.any(Number) } });
    expect(typeof res.body.solveMs).toBe('number');
    const again = await h.get(`/v1/allocations/${res.body.id}`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);
  });

  it('apply creates a pending partnership per item through accept; applying again skips them all', async () => {
    const { requests } = await twoByTwo();
    const plan = (await h.post('/v1/allocations', { requestIds: requests, objective: 'total' })).body;
    const res = await h.post(`/v1/allocations/${plan.id}/apply`);
    expect(res.status).toBe(200);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.accepted).toHaveLength(2);
    for (const [i, id] of res.body.accepted.entries()) {
      const partnership = await h.get(`/v1/partnerships/${id}`);
      expect(partnership.status).toBe(200);
      expect(partnership.body).toMatchObject({ suggestionId: plan.items[i].suggestionId, requestId: plan.items[i].requestId, status: 'pending' });
      expect((await h.get(`/v1/suggestions/${plan.items[i].suggestionId}`)).body.status).toBe('accepted');
    }
    await h.quiet();
    const second = await h.post(`/v1/allocations/${plan.id}/apply`);
    expect(second.body.accepted).toEqual([]);
    expect(second.body.skipped.map((s: Json) => s.suggestionId)).toEqual(plan.items.map((i: Json) => i.suggestionId));
    expect(second.body.skipped[0].reason).toMatch(/accepted/);
  });

  it('apply skips what no longer fits: a suggestion superseded since the plan was made', async () => {
    const { requests, snapshots } = await twoByTwo();
    const plan = (await h.post('/v1/allocations', { requestIds: requests })).body;
    const [first, second] = plan.items as Json[];
    // Accept, for the first request, the suggestion the plan did not pick: its plan suggestion is
    // superseded (the request has a pending partnership); once the offers service reserves that
    // offer's only slot, the second request's plan suggestion, on the same offer, goes too.
    const other = (await h.suggestionsOf(first.requestId)).find((s) => s.id !== first.suggestionId) as Json;
    const accepted = await h.post(`/v1/suggestions/${other.id}/accept`);
    expect(accepted.status).toBe(201);
    const offer = snapshots.find((o) => o.id === other.offerIds[0]) as ReturnType<typeof offerSnapshot>;
    const [proposed] = await sql<{ id: string }>(`SELECT id FROM matching.outbox WHERE type = 'partnership.proposed' AND aggregate_id = $1`, [accepted.body.id]);
    const echo = { ...envelope('offer.updated', { ...offer, version: 2, remainingSlots: 0, status: 'exhausted' }), causationId: proposed.id };
    await h.feed.publish(echo as never);
    await h.quiet();
    const res = await h.post(`/v1/allocations/${plan.id}/apply`);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toEqual([]);
    expect(res.body.skipped.map((s: Json) => s.suggestionId)).toEqual([first.suggestionId, second.suggestionId]);
    expect(res.body.skipped.map((s: Json) => s.reason)).toEqual([expect.stringMatching(/superseded/), expect.stringMatching(/superseded/)]);
    const [count] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM matching.partnerships WHERE request_id = ANY($1::uuid[])`, [requests]);
    expect(count.n).toBe(1);
  });

  it('never counts on a slot a pending partnership waits for, nor plans for a request that has one', async () => {
    const { requests, offers } = await twoByTwo();
    const [onFirst] = (await h.suggestionsOf(requests[0])).filter((s) => s.offerIds[0] === offers[0]);
    expect((await h.post(`/v1/suggestions/${onFirst.id}/accept`)).status).toBe(201);
    await h.quiet();
    // The offers service has not reserved yet, so matching's projection still shows the slot free.
    const plan = (await h.post('/v1/allocations', { requestIds: requests })).body;
    expect(plan.unassigned).toEqual([{ requestId: requests[0], reason: 'not-open' }]);
    const [item] = plan.items as Json[];
    expect((await h.get(`/v1/suggestions/${item.suggestionId}`)).body.offerIds).toEqual([offers[1]]);
  });

  it('lists a named request that is not open as not-open, and plans over every open request by default', async () => {
    const { requests } = await twoByTwo();
    const unknown = randomUUID();
    const named = await h.post('/v1/allocations', { requestIds: [requests[0], unknown], minScore: 0 });
    expect(named.status).toBe(201);
    expect(named.body.unassigned).toEqual([{ requestId: unknown, reason: 'not-open' }]);
    const everything = await h.post('/v1/allocations', {});
    expect(everything.status).toBe(201);
    expect(everything.body.items.map((i: Json) => i.requestId)).toEqual(expect.arrayContaining(requests));
  });

  it('validates the body and names every bad field', async () => {
    const res = await h.post('/v1/allocations', { objective: 'max', requestIds: ['x'], minScore: 2, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: Json) => e.field).sort()).toEqual(['extra', 'minScore', 'objective', 'requestIds']);
    expect((await h.post('/v1/allocations', { requestIds: [] })).status).toBe(400);
    const fieldsOf = async (body: Json): Promise<string[]> => [...new Set<string>((await h.post('/v1/allocations', body)).body.errors.map((e: Json) => e.field))];
    expect(await fieldsOf({ minScore: '0.5' })).toEqual(['minScore']);
    const id = randomUUID();
    expect(await fieldsOf({ requestIds: [id, id] })).toEqual(['requestIds']);
    const badId = await h.get('/v1/allocations/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual([expect.objectContaining({ field: 'id' })]);
    const missing = await h.get(`/v1/allocations/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((await h.post(`/v1/allocations/${randomUUID()}/apply`)).status).toBe(404);
  });

  it('only coordinators and admins may compute, read or apply plans', async () => {
    const plan = (await h.post('/v1/allocations', { requestIds: [randomUUID()] }, await tokenFor({ role: 'admin', sub: 'int-admin' })));
    expect(plan.status).toBe(201);
    const country = await tokenFor({ role: 'country', country: 'RWA', sub: 'int-country' });
    const donor = await tokenFor({ role: 'donor', providerId: randomUUID(), sub: 'int-donor' });
    for (const token of [country, donor]) {
      expect((await h.post('/v1/allocations', {}, token)).status).toBe(403);
      expect((await h.get(`/v1/allocations/${plan.body.id}`, token)).status).toBe(403);
      expect((await h.post(`/v1/allocations/${plan.body.id}/apply`, {}, token)).status).toBe(403);
    }
  });
});
