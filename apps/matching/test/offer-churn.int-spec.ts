import type { AnyEvent, EventEnvelope, OfferSnapshot, RequestSnapshot } from '@capmatch/contracts';
import { MatchingEngine } from '@capmatch/engine';
import { DataSource } from 'typeorm';
import { toMatchOffer, toMatchRequest } from '../src/matcher/to-match';
import { OfferProjector } from '../src/projections/offer-projector.service';
import { RematchService } from '../src/matcher/rematch.service';
import { holdGateShared } from './gate-holder';
import { envelope, offerSnapshot, requestSnapshot, sql, type OfferOrigin } from './matching-fixtures';
import { freshLanguage, MatchingHarness } from './harness';

/** Offer events cost in proportion to what they change (issue 16). */
describe('offer churn', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  const suggestionRows = (requestId: string) =>
    sql(`SELECT id, status, score, explanation, updated_at FROM matching.suggestions WHERE request_id = $1 ORDER BY id`, [requestId]);
  const historyRows = (requestId: string) =>
    sql(
      `SELECT h.id, h.action, h.at FROM matching.suggestion_history h JOIN matching.suggestions s ON s.id = h.suggestion_id
       WHERE s.request_id = $1 ORDER BY h.id`,
      [requestId],
    );

  it('an offer update that changes nothing the engine reads re-ranks nothing and takes no exclusive gate', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const suggestions = await suggestionRows(req.id);
    const history = await historyRows(req.id);
    expect(suggestions).toHaveLength(1);

    const dataSource = h.service.app.get(DataSource);
    const projector = h.service.app.get(OfferProjector);
    const edited = { ...offer, version: 2, title: 'AI skills programme, second cohort', description: 'Reworded.', updatedAt: new Date().toISOString() };
    // Another transaction holds the gate shared throughout (as request events do): an
    // exclusive gate would wait for it, and the lock timeout turns that wait into a failure.
    const release = await holdGateShared(dataSource);
    try {
      await dataSource.transaction(async (m) => {
        await m.query(`SET LOCAL lock_timeout = '20s'`);
        await projector.apply(m, envelope('offer.updated', edited) as EventEnvelope<'offer.updated'>);
      });
    } finally {
      await release();
    }

    const [projected] = await sql(`SELECT version, snapshot->>'description' AS description FROM matching.offer_projections WHERE id = $1`, [offer.id]);
    expect(projected).toEqual({ version: 2, description: 'Reworded.' });
    expect(await suggestionRows(req.id)).toEqual(suggestions);
    expect(await historyRows(req.id)).toEqual(history);
  });

  it('an offer update that changes what a score reads (the budget) still re-ranks', async () => {
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'north');
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', req));
    await h.quiet();
    const [before] = await h.suggestionsOf(req.id);
    await h.feed.publish(envelope('offer.updated', { ...offer, version: 2, budgetUsd: 40000 }));
    await h.quiet();
    const [after] = await h.suggestionsOf(req.id);
    expect(after.id).toBe(before.id);
    expect(after.score).not.toBe(before.score);
  });

  it('after a burst of offer changes racing request submissions, every request holds exactly the full ranking', async () => {
    // A second instance with small batches and more transactions at once: offer batches and
    // request batches race each other within and across instances.
    const racy = await MatchingHarness.start({ BUS_HANDLER_BATCH: '3', DB_POOL_SIZE: '12' });
    try {
      await burst(racy);
    } finally {
      await racy.close();
    }
  });

  it('with enough offers that top Ks are full, south and facilitator offers entering from the current top K end in the full ranking too', async () => {
    // 150 offers in one language: most requests hold K distinct provider offers, so changed
    // southern providers and facilitators that hold no proposal are ranked from the live top K
    // plus their combinations reaching its K-th score, not in full.
    const racy = await MatchingHarness.start({ BUS_HANDLER_BATCH: '3', DB_POOL_SIZE: '12' });
    try {
      await burst(racy, 150);
    } finally {
      await racy.close();
    }
  });

  async function burst(other: MatchingHarness, initialOffers = 40): Promise<void> {
    const lang = freshLanguage();
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
    const origins: OfferOrigin[] = ['north', 'north', 'multilateral', 'south', 'south'];
    const newOffer = (): OfferSnapshot => {
      const facilitator = random() < 0.12;
      return offerSnapshot(lang, facilitator ? 'north' : pick(origins), {
        role: facilitator ? 'facilitator' : 'provider',
        budgetUsd: 20000 + Math.floor(random() * 20) * 10000,
        modalities: facilitator && random() < 0.5 ? ['financing'] : random() < 0.5 ? ['training'] : ['technical-assistance', 'workshop'],
        sdgs: random() < 0.5 ? [4] : [9, 10],
        targetGroups: random() < 0.5 ? ['women-and-girls'] : [],
        window: random() < 0.7 ? { start: '2027-01-01', end: '2028-12-31' } : { start: '2027-06-01', end: '2027-10-31' },
        capacityAreas: facilitator && random() < 0.5 ? ['compute'] : ['skills-and-education', 'data'],
      });
    };
    const countries = ['RWA', 'UGA', 'ETH', 'TZA', 'BDI', 'MWI'];
    const newRequest = (): RequestSnapshot =>
      requestSnapshot(lang, {
        country: pick(countries),
        budgetUsd: 30000 + Math.floor(random() * 15) * 10000,
        modalities: random() < 0.4 ? ['training'] : random() < 0.5 ? ['workshop', 'financing'] : ['workshop'],
        targetGroups: random() < 0.5 ? ['women-and-girls'] : [],
        cooperationTypes: random() < 0.3 ? ['triangular'] : [],
      });
    const latest = new Map<string, OfferSnapshot>();
    const initial = Array.from({ length: initialOffers }, newOffer);
    for (const o of initial) latest.set(o.id, o);
    const requests = Array.from({ length: 25 }, newRequest);
    await h.feed.publish(...initial.map((o) => envelope('offer.published', o)), ...requests.slice(0, 10).map((r) => envelope('request.submitted', r)));
    await h.quiet();

    // The burst: new offers, budget and description edits, slots filled, withdrawals, with the
    // remaining requests mixed in, published by several producers at once.
    const waves: AnyEvent[][] = [[], [], [], []];
    for (let i = 0; i < 120; i++) {
      const wave = waves[i % waves.length];
      const roll = random();
      const open = [...latest.values()].filter((o) => o.status === 'open');
      if (roll < 0.3 || open.length === 0) {
        const o = newOffer();
        latest.set(o.id, o);
        wave.push(envelope('offer.published', o));
        continue;
      }
      const o = pick(open);
      let next: OfferSnapshot;
      if (roll < 0.55) next = { ...o, budgetUsd: 20000 + Math.floor(random() * 20) * 10000 };
      else if (roll < 0.7) next = { ...o, description: `Edited ${i}` };
      else if (roll < 0.8) next = { ...o, remainingSlots: 0, status: 'exhausted' };
      else next = { ...o, status: 'withdrawn' };
      next = { ...next, version: o.version + 1 };
      latest.set(o.id, next);
      wave.push(envelope(next.status === 'withdrawn' ? 'offer.withdrawn' : 'offer.updated', next));
    }
    requests.slice(10).forEach((r, i) => waves[i % waves.length].push(envelope('request.submitted', r)));
    await Promise.all(waves.map(async (wave) => {
      for (let i = 0; i < wave.length; i += 5) await h.feed.publish(...wave.slice(i, i + 5));
    }));
    // Quiet queues, and no request left queued for a re-match (the cheap path's fallback).
    for (;;) {
      await h.quiet();
      await other.quiet();
      const [{ n }] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM matching.pending_rematch');
      if (n === 0) break;
      await h.service.app.get(RematchService).drain();
    }

    const offers = await sql<{ snapshot: OfferSnapshot; status: string; version: number }>(
      `SELECT snapshot, status, version FROM matching.offer_projections WHERE id = ANY($1::uuid[])`,
      [[...latest.keys()]],
    );
    expect(offers.map((o) => o.version).sort()).toEqual([...latest.values()].map((o) => o.version).sort());
    const engine = new MatchingEngine({ topK: 5 });
    for (const o of offers) engine.upsertOffer(toMatchOffer(o.snapshot, o.status));
    const canonical = (list: Array<{ offerIds: readonly string[]; score: number }>) => list.map((s) => `${s.score} ${s.offerIds.join('+')}`).sort();
    const live = await sql<{ request_id: string; offer_ids: string[]; score: number }>(
      `SELECT request_id, offer_ids, score FROM matching.suggestions WHERE status = 'proposed' AND request_id = ANY($1::uuid[])`,
      [requests.map((r) => r.id)],
    );
    let nonEmpty = 0;
    for (const r of requests) {
      const expected = canonical(engine.matchRequest(toMatchRequest(r, 'open')));
      if (expected.length > 0) nonEmpty++;
      const got = canonical(live.filter((s) => s.request_id === r.id).map((s) => ({ offerIds: s.offer_ids, score: Number(s.score) })));
      expect({ request: r.id, suggestions: got }).toEqual({ request: r.id, suggestions: expected });
    }
    expect(nonEmpty).toBeGreaterThan(requests.length / 2);
  }
});
