import { envelope, offerSnapshot, requestSnapshot, sql } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

// The structured reason code of a rejection, end to end through the matching service: it is
// validated, stored with the rejection, and its effect reaches the engine.

describe('rejecting with a reason code', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  it('refuses an unknown reason code, naming the field, and still requires the free-text reason', async () => {
    const lang = freshLanguage();
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', offerSnapshot(lang, 'north')), envelope('request.submitted', req));
    await h.quiet();
    const [s] = await h.suggestionsOf(req.id);
    const unknown = await h.post(`/v1/suggestions/${s.id}/reject`, { reason: 'Not the right partner', reasonCode: 'too-expensive' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: Json) => e.field)).toEqual(['reasonCode']);
    const noReason = await h.post(`/v1/suggestions/${s.id}/reject`, { reasonCode: 'budget' });
    expect(noReason.status).toBe(400);
    expect(new Set(noReason.body.errors.map((e: Json) => e.field))).toEqual(new Set(['reason']));
  });

  it('a provider-unsuitable rejection keeps every offer of that provider away from the request', async () => {
    const lang = freshLanguage();
    const first = offerSnapshot(lang, 'north');
    const sibling = offerSnapshot(lang, 'north', { providerId: first.providerId, sdgs: [4], budgetUsd: 50000 });
    const other = offerSnapshot(lang, 'multilateral', { sdgs: [], budgetUsd: 20000 });
    const req = requestSnapshot(lang);
    await h.feed.publish(envelope('offer.published', first), envelope('offer.published', sibling), envelope('offer.published', other));
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    const before = await h.suggestionsOf(req.id);
    expect(before.map((s) => s.offerIds[0]).sort()).toEqual([first.id, sibling.id, other.id].sort());
    const target = before.find((s) => s.offerIds[0] === first.id) as Json;

    const res = await h.post(`/v1/suggestions/${target.id}/reject`, { reason: 'This agency does not work in the country', reasonCode: 'provider-unsuitable' });
    expect(res.status).toBe(200);
    await h.quiet();
    const stored = await sql(`SELECT reason_code FROM matching.rejected_combinations WHERE suggestion_id = $1`, [target.id]);
    expect(stored).toEqual([{ reason_code: 'provider-unsuitable' }]);
    expect((await h.suggestionsOf(req.id)).map((s) => s.offerIds[0])).toEqual([other.id]);

    // A later change to the request re-ranks it from scratch: the provider stays away.
    await h.feed.publish(envelope('request.updated', { ...req, version: 2, title: 'Data skills, second round' }));
    await h.quiet();
    expect((await h.suggestionsOf(req.id)).map((s) => s.offerIds[0])).toEqual([other.id]);
  });
});
