import request from 'supertest';
import { tokenFor } from '../../../test/support/tokens';
import { envelope, offerSnapshot, requestSnapshot } from './matching-fixtures';
import { freshLanguage, MatchingHarness, type Json } from './harness';

describe('coverage report and OpenAPI', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start()));
  afterAll(() => h.close());

  it('counts open and matched requests, partnerships by type and lists the gaps', async () => {
    // Events an earlier suite left in this worker's queues must land before the baseline is read.
    await h.quiet();
    const before = (await h.get('/v1/reports/coverage')).body as Json;
    const lang = freshLanguage();
    const offer = offerSnapshot(lang, 'south');
    const matched = requestSnapshot(lang, { capacityAreas: ['compute', 'skills-and-education'] });
    // Oldest of all, so it is within the first 100 gaps however many earlier runs left behind.
    const unmatched = requestSnapshot(freshLanguage(), { country: 'FJI', capacityAreas: ['compute'], createdAt: '2020-01-01T00:00:00.000Z',
      classification: { region: 'oceania', subregion: 'melanesia', intermediateRegion: null, developmentStatus: 'developing',
        ldc: false, lldc: false, sids: true, incomeGroup: 'upper-middle' } });
    await h.feed.publish(envelope('offer.published', offer), envelope('request.submitted', matched), envelope('request.submitted', unmatched));
    await h.quiet();
    // The saga as the other services play it: reserved, held, confirmed by both, then the request reads matched.
    await h.agreeBest(matched, [offer.providerId]);
    const country = await tokenFor({ role: 'country', country: matched.country, sub: 'focal-point' });
    await h.feed.publish(envelope('request.updated', { ...matched, version: 2, status: 'matched' }));
    await h.quiet();

    const res = await h.get('/v1/reports/coverage');
    expect(res.status).toBe(200);
    const after = res.body as Json;
    const area = (r: Json, name: string) => r.byCapacityArea.find((x: Json) => x.capacityArea === name) ?? { open: 0, matched: 0 };
    expect(area(after, 'compute').matched - area(before, 'compute').matched).toBe(1);
    expect(area(after, 'compute').open - area(before, 'compute').open).toBe(1);
    const group = (r: Json, name: string) => r.byGroup.find((x: Json) => x.group === name) ?? { open: 0, matched: 0 };
    expect(group(after, 'sids').open - group(before, 'sids').open).toBe(1);
    const type = (r: Json) => r.partnershipsByCooperationType.find((x: Json) => x.cooperationType === 'south-south').partnerships;
    expect(type(after) - type(before)).toBe(1);
    expect(after.gaps.count - before.gaps.count).toBe(1);
    expect(after.gaps.requests.map((g: Json) => g.requestId)).toContain(unmatched.id);
    expect(after.gaps.requests.map((g: Json) => g.requestId)).not.toContain(matched.id);

    expect((await request(h.service.http).get('/v1/reports/coverage').auth(country, { type: 'bearer' })).status).toBe(403);
    expect((await request(h.service.http).get('/v1/reports/coverage')).status).toBe(401);
  });

  it('documents every endpoint in OpenAPI', async () => {
    const doc = (await request(h.service.http).get('/docs-json')).body as Json;
    const paths = Object.keys(doc.paths);
    for (const p of ['/v1/suggestions', '/v1/suggestions/{id}', '/v1/suggestions/{id}/history', '/v1/suggestions/{id}/accept',
      '/v1/suggestions/{id}/reject', '/v1/partnerships', '/v1/partnerships/{id}', '/v1/partnerships/{id}/history',
      '/v1/partnerships/{id}/confirm', '/v1/partnerships/{id}/decline', '/v1/partnerships/{id}/cancel', '/v1/reports/coverage']) {
      expect(paths).toContain(p);
    }
    expect(doc.components.schemas.SuggestionDto.properties.status.enum).toEqual(['proposed', 'accepted', 'rejected', 'superseded']);
    expect(Object.keys(doc.paths['/v1/suggestions/{id}/accept'].post.responses)).toEqual(expect.arrayContaining(['201', '403', '404', '409']));
  });

  it('exposes the matcher\'s figures on /metrics', async () => {
    const text = (await request(h.service.http).get('/metrics')).text;
    expect(text).toContain('capmatch_matching_reconcile_seconds_count');
    expect(text).toMatch(/capmatch_matching_suggestion_changes_total\{change="proposed"\} [1-9]/);
  });
});
