import type { AnyEvent, EventEnvelope, OfferSnapshot } from '@capmatch/contracts';
import { MatchingEngine } from '@capmatch/engine';
import { acceptBeforeCommit, runBeforeCommit } from '@capmatch/platform';
import { DataSource } from 'typeorm';
import { toMatchOffer, toMatchRequest } from '../src/matcher/to-match';
import { OfferProjector } from '../src/projections/offer-projector.service';
import { RequestProjector } from '../src/projections/request-projector.service';
import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
import { freshLanguage, MatchingHarness } from './harness';

describe('matching projections and incremental matching', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  it('proposes an offer to a new request with the right cooperation type', async () => {
    const lang = freshLanguage();
    const north = offerSnapshot(lang, 'north');
    const south = offerSnapshot(lang, 'south');
    const multi = offerSnapshot(lang, 'multilateral');
    await h.feed.publish(envelope('offer.published', north), envelope('offer.published', south), envelope('offer.published', multi));
    await h.quiet();
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    const items = await h.suggestionsOf(req.id);
    const byOffer = new Map(items.map((s) => [s.offerIds[0], s]));
    expect(byOffer.get(north.id)?.cooperationType).toBe('north-south');
    expect(byOffer.get(south.id)?.cooperationType).toBe('south-south');
    expect(byOffer.get(multi.id)?.cooperationType).toBe('multilateral');
    const scores = items.map((s) => s.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const s = items[0];
    expect(Object.keys(s).sort()).toEqual(
      ['id', 'requestId', 'offerIds', 'cooperationType', 'score', 'explanation', 'status', 'createdAt', 'decidedAt', 'decidedBy', 'reason'].sort(),
    );
    expect(s.explanation.length).toBeGreaterThan(0);
    const events = await sql(`SELECT type, payload FROM matching.outbox WHERE type = 'suggestion.proposed' AND payload->>'requestId' = $1`, [req.id]);
    expect(events).toHaveLength(items.length);
  });

  it('proposes a triangular bundle: a southern provider with a northern facilitator', async () => {
    const lang = freshLanguage();
    const south = offerSnapshot(lang, 'south');
    const facilitator = offerSnapshot(lang, 'north', { role: 'facilitator', capacityAreas: ['compute'] });
    const req = requestSnapshot(lang, { cooperationTypes: ['triangular'] });
    await h.feed.publish(envelope('offer.published', south), envelope('offer.published', facilitator));
    await h.quiet();
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    const items = await h.suggestionsOf(req.id);
    expect(items.map((s) => [s.cooperationType, s.offerIds])).toEqual([['triangular', [south.id, facilitator.id]]]);
  });

  it('a new offer reaches existing requests', async () => {
    const lang = freshLanguage();
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    const offer = offerSnapshot(lang, 'north');
    await h.feed.publish(envelope('offer.published', offer));
    await h.quiet();
    expect((await h.suggestionsOf(req.id)).map((s) => s.offerIds)).toEqual([[offer.id]]);
  });

  it('is version-aware: an older event after a newer one and a duplicate change nothing', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    await h.feed.publish(envelope('offer.published', offer));
    await h.quiet();
    const v1 = requestSnapshot(lang);
    const v2 = { ...v1, version: 2, title: 'Changed title', updatedAt: '2026-01-02T00:00:00.000Z' };
    await h.feed.publish(envelope('request.updated', v2));
    await h.quiet();
    await h.feed.publish(envelope('request.submitted', v1));
    await h.quiet();
    const [row] = await sql<{ version: number; title: string }>(
      `SELECT version, snapshot->>'title' AS title FROM matching.request_projections WHERE id = $1`, [v1.id]);
    expect(row).toEqual({ version: 2, title: 'Changed title' });
    const before = await sql(`SELECT id, status, updated_at FROM matching.suggestions WHERE request_id = $1 ORDER BY id`, [v1.id]);
    const duplicate = envelope('request.updated', v2);
    await h.feed.publish(duplicate);
    await h.quiet();
    await h.feed.publish({ ...duplicate, id: duplicate.id });
    await h.quiet();
    const after = await sql(`SELECT id, status, updated_at FROM matching.suggestions WHERE request_id = $1 ORDER BY id`, [v1.id]);
    expect(after).toEqual(before);
    expect(before).toHaveLength(1);
  });

  it('the projection itself never goes back a version, whatever order snapshots arrive in', async () => {
    // Straight to the projectors, past the inbox (which already drops stale events), so the
    // version guard of the upsert is what is tested.
    const dataSource = h.service.app.get(DataSource);
    const requests = h.service.app.get(RequestProjector);
    const offers = h.service.app.get(OfferProjector);
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const v1 = requestSnapshot(lang);
    const v3 = { ...v1, version: 3, status: 'withdrawn' as const };
    const offerV2 = { ...offer, version: 2, status: 'withdrawn' as const };
    for (const step of [
      () => dataSource.transaction((m) => offers.apply(m, envelope('offer.withdrawn', offerV2) as EventEnvelope<'offer.withdrawn'>)),
      () => dataSource.transaction((m) => offers.apply(m, envelope('offer.published', offer) as EventEnvelope<'offer.published'>)),
      () => dataSource.transaction((m) => requests.apply(m, envelope('request.withdrawn', v3) as EventEnvelope<'request.withdrawn'>)),
      () => dataSource.transaction((m) => requests.apply(m, envelope('request.submitted', v1) as EventEnvelope<'request.submitted'>)),
      () => dataSource.transaction((m) => requests.apply(m, envelope('request.withdrawn', v3) as EventEnvelope<'request.withdrawn'>)),
    ]) await step();
    const [r] = await sql(`SELECT version, status FROM matching.request_projections WHERE id = $1`, [v1.id]);
    const [o] = await sql(`SELECT version, status FROM matching.offer_projections WHERE id = $1`, [offer.id]);
    expect(r).toEqual({ version: 3, status: 'withdrawn' });
    expect(o).toEqual({ version: 2, status: 'withdrawn' });
    expect(await sql(`SELECT id FROM matching.suggestions WHERE request_id = $1`, [v1.id])).toEqual([]);
  });

  it('the events of one batch are projected together, as if one by one: stale versions skip, the latest is ranked', async () => {
    const dataSource = h.service.app.get(DataSource);
    const requests = h.service.app.get(RequestProjector);
    const offers = h.service.app.get(OfferProjector);
    const handle = (m: Parameters<OfferProjector['apply']>[0], e: AnyEvent) =>
      e.type.startsWith('offer.') ? offers.apply(m, e as EventEnvelope<'offer.updated'>) : requests.apply(m, e as EventEnvelope<'request.updated'>);
    // One transaction as the event worker runs a batch: the projectors defer their work to before its commit.
    const batch = (...events: AnyEvent[]) =>
      dataSource.transaction(async (m) => {
        acceptBeforeCommit(m);
        for (const e of events) await handle(m, e);
        await runBeforeCommit(m);
      });
    const lang = freshLanguage();
    const a = offerSnapshot(lang, 'north', { budgetUsd: 100_000 });
    const b = offerSnapshot(lang, 'north', { budgetUsd: 150_000 });
    const aV2: OfferSnapshot = { ...a, version: 2, budgetUsd: 400_000 };
    const req = requestSnapshot(lang);
    const reqV2 = { ...req, version: 2, title: 'Changed title' };
    await batch(
      envelope('offer.published', a), envelope('request.submitted', req), envelope('offer.published', b),
      envelope('offer.updated', aV2), envelope('offer.published', a), envelope('request.updated', reqV2), envelope('request.submitted', req),
    );
    const projected = await sql(`SELECT id, version FROM matching.offer_projections WHERE id = ANY($1::uuid[]) ORDER BY version`, [[a.id, b.id]]);
    expect(projected).toEqual([{ id: b.id, version: 1 }, { id: a.id, version: 2 }]);
    expect(await sql(`SELECT version FROM matching.request_projections WHERE id = $1`, [req.id])).toEqual([{ version: 2 }]);
    const ranked = (offerList: OfferSnapshot[]) => {
      const engine = new MatchingEngine({ topK: 5 });
      for (const o of offerList) engine.upsertOffer(toMatchOffer(o, o.status));
      return engine.matchRequest(toMatchRequest(reqV2, 'open')).map((s) => `${s.score} ${s.offerIds.join('+')}`).sort();
    };
    const live = async () => (await h.suggestionsOf(req.id)).map((s) => `${s.score} ${(s.offerIds as string[]).join('+')}`).sort();
    expect(await live()).toEqual(ranked([aV2, b]));
    const events = await sql(`SELECT payload->>'id' AS id FROM matching.outbox WHERE type = 'suggestion.proposed' AND payload->>'requestId' = $1`, [req.id]);
    expect(events).toHaveLength(2);

    // A withdrawal, a change nobody ranks (the description) and a replay of the first in one batch.
    const aV3: OfferSnapshot = { ...aV2, version: 3, status: 'withdrawn' };
    const bV2: OfferSnapshot = { ...b, version: 2, description: 'Another description' };
    await batch(envelope('offer.withdrawn', aV3), envelope('offer.updated', bV2), envelope('offer.published', a));
    expect(await live()).toEqual(ranked([bV2]));
    const superseded = await sql(`SELECT offer_ids FROM matching.suggestions WHERE request_id = $1 AND status = 'superseded'`, [req.id]);
    expect(superseded).toEqual([{ offer_ids: [a.id] }]);
  });

  it('withdrawing an offer supersedes its proposals, with the reason in the history', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const [proposed] = await h.suggestionsOf(req.id);
    expect(proposed.offerIds).toEqual([offer.id]);
    await h.feed.publish(envelope('offer.withdrawn', { ...offer, version: 2, status: 'withdrawn' }));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    const res = await h.get(`/v1/suggestions/${proposed.id}`);
    expect(res.body.status).toBe('superseded');
    const history = await h.get(`/v1/suggestions/${proposed.id}/history`);
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['proposed', 'superseded']);
    expect(history.body.items[1].reason).toMatch(/withdrawn/);
  });

  it('keeps at most MATCH_TOP_K proposals, best first, and a withdrawn request loses them all', async () => {
    const lang = freshLanguage();
    const offers = Array.from({ length: 7 }, (_, i) => offerSnapshot(lang, 'north', { budgetUsd: 50000 + i * 10000 }));
    await h.feed.publish(...offers.map((o) => envelope('offer.published', o)));
    await h.quiet();
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(5);
    await h.feed.publish(envelope('request.withdrawn', { ...req, version: 2, status: 'withdrawn' }));
    await h.quiet();
    expect(await h.suggestionsOf(req.id)).toHaveLength(0);
    expect(await h.suggestionsOf(req.id, 'superseded')).toHaveLength(5);
  });
});
