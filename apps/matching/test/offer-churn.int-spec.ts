import type { EventEnvelope } from '@capmatch/contracts';
import { DataSource } from 'typeorm';
import { OfferProjector } from '../src/projections/offer-projector.service';
import { holdGateShared } from './gate-holder';
import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
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
});
