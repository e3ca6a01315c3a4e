import { MatchingEngine } from '@capmatch/engine';
import { toMatchOffer, toMatchRequest } from '../src/matcher/to-match';
import { envelope, offerSnapshot, requestSnapshot, sql, type OfferOrigin } from './matching-fixtures';
import { freshLanguage, MatchingHarness } from './harness';

describe('two matching instances over one database and one queue', () => {
  let a: MatchingHarness;
  let b: MatchingHarness;
  beforeAll(async () => ([a, b] = await Promise.all([MatchingHarness.start(), MatchingHarness.start()])));
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });

  it('give the same suggestions as one engine would, with no duplicates', async () => {
    const lang = freshLanguage();
    const origins: OfferOrigin[] = ['north', 'south', 'multilateral', 'south', 'north', 'south'];
    const offers = origins.map((origin, i) =>
      offerSnapshot(lang, origin, {
        budgetUsd: 40000 + i * 15000,
        modalities: i % 2 ? ['training'] : ['technical-assistance', 'workshop'],
        sdgs: i % 3 ? [4] : [9, 10],
      }),
    );
    offers.push(offerSnapshot(lang, 'north', { role: 'facilitator', capacityAreas: ['compute'] }));
    const countries = ['RWA', 'UGA', 'ETH', 'TZA', 'BDI', 'MWI', 'ZMB', 'MOZ'];
    const requests = Array.from({ length: 16 }, (_, i) =>
      requestSnapshot(lang, { country: countries[i % countries.length], budgetUsd: 30000 + i * 9000, modalities: i % 2 ? ['training'] : ['workshop'] }),
    );
    // Interleaved: requests and offers race each other across both instances' workers.
    const events = [...offers.map((o) => envelope('offer.published', o)), ...requests.map((r) => envelope('request.submitted', r))];
    events.sort(() => Math.random() - 0.5);
    await a.feed.publish(...events);
    await a.quiet();
    await b.quiet();

    const engine = new MatchingEngine({ topK: 5 });
    for (const o of offers) engine.upsertOffer(toMatchOffer(o, o.status));
    for (const r of requests) {
      // Ties are listed by suggestion id, so compare as sets in a fixed order.
      const canonical = (list: Array<{ offerIds: readonly string[]; score: number }>) =>
        list.map((s) => `${s.score} ${s.offerIds.join('+')}`).sort();
      const expected = canonical(engine.matchRequest(toMatchRequest(r, 'open')));
      const [fromA, fromB] = await Promise.all([a.suggestionsOf(r.id), b.suggestionsOf(r.id)]);
      expect(canonical(fromA as never)).toEqual(expected);
      expect(fromB).toEqual(fromA);
    }
    const duplicates = await sql(
      `SELECT request_id, combination_key FROM matching.suggestions WHERE status = 'proposed' AND request_id = ANY($1::uuid[])
       GROUP BY 1, 2 HAVING count(*) > 1`,
      [requests.map((r) => r.id)],
    );
    expect(duplicates).toEqual([]);
    const [counts] = await sql<{ events: number; suggestions: number }>(
      `SELECT (SELECT count(*)::int FROM matching.outbox WHERE type = 'suggestion.proposed' AND payload->>'requestId' = ANY($1)) AS events,
              (SELECT count(*)::int FROM matching.suggestions WHERE request_id = ANY($1::uuid[])) AS suggestions`,
      [requests.map((r) => r.id)],
    );
    expect(counts.events).toBe(counts.suggestions);
  });

  it('an offer the offers service filled after an accept on one instance is proposed by neither', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north', { slots: 1, remainingSlots: 1 });
    const first = requestSnapshot(lang);
    await a.feed.publish(envelope('offer.published', offer), envelope('request.submitted', first));
    await a.quiet();
    const [s] = await a.suggestionsOf(first.id);
    expect((await a.post(`/v1/suggestions/${s.id}/accept`)).status).toBe(201);
    await b.feed.publish(envelope('offer.updated', { ...offer, version: 2, remainingSlots: 0, status: 'exhausted' }));
    await b.quiet();
    // Whichever instance takes these requests, the filled offer must not be proposed again.
    const later = Array.from({ length: 6 }, () => requestSnapshot(lang, { country: 'UGA' }));
    await b.feed.publish(...later.map((r) => envelope('request.submitted', r)));
    await b.quiet();
    for (const r of later) expect(await b.suggestionsOf(r.id)).toEqual([]);
    expect((await b.post(`/v1/suggestions/${s.id}/accept`)).status).toBe(409);
  });
});
