import request from 'supertest';
import { iatiSchemaErrors } from '../../../test/support/iati-schema';
import { tokenFor } from '../../../test/support/tokens';
import { freshLanguage, MatchingHarness, type Json } from './harness';
import { envelope, offerSnapshot, requestSnapshot } from './matching-fixtures';

/** The `<iati-activity>` whose identifier ends with the partnership id. */
function activityOf(xml: string, partnershipId: string): string {
  const found = xml.split('<iati-activity ').find((a) => a.includes(`-${partnershipId}</iati-identifier>`));
  if (!found) throw new Error(`no activity for partnership ${partnershipId}`);
  return found;
}

describe('open data: coverage CSV and the IATI export', () => {
  let h: MatchingHarness;
  beforeAll(async () => (h = await MatchingHarness.start({ IATI_REPORTING_ORG_REF: 'XI-TEST-1', IATI_REPORTING_ORG_NAME: 'Test & Co' })));
  afterAll(() => h.close());

  /** Submits the request, then accepts its best suggestion and plays the saga to agreement. */
  async function agreed(req: ReturnType<typeof requestSnapshot>, providerIds: string[]): Promise<Json> {
    await h.feed.publish(envelope('request.submitted', req));
    await h.quiet();
    return h.agreeBest(req, providerIds);
  }

  it('exports agreed partnerships as IATI 2.03 activities valid against the schema, triangular as type 8', async () => {
    await h.quiet();
    const lang = freshLanguage();
    const south = offerSnapshot(lang, 'south', { language: 'sw', provider: { name: 'Kenya <AI> Lab', kind: 'academia', country: 'KEN' } });
    const facilitator = offerSnapshot(lang, 'north', { role: 'facilitator', capacityAreas: ['compute'], language: 'de' });
    await h.feed.publish(envelope('offer.published', south), envelope('offer.published', facilitator));
    await h.quiet();
    const triangular = await agreed(requestSnapshot(lang, {
      cooperationTypes: ['triangular'], language: 'fr', title: 'Données & "compétences"', sdgs: [4, 17],
      capacityAreas: ['skills-and-education', 'data'],
    }), [south.providerId, facilitator.providerId]);
    expect(triangular.cooperationType).toBe('triangular');
    // Accepted but not yet agreed by the parties: not published.
    const other = freshLanguage();
    await h.feed.publish(envelope('offer.published', offerSnapshot(other, 'north')));
    await h.quiet();
    const pendingReq = requestSnapshot(other);
    await h.feed.publish(envelope('request.submitted', pendingReq));
    await h.quiet();
    const [proposal] = await h.suggestionsOf(pendingReq.id);
    const pending = (await h.post(`/v1/suggestions/${proposal.id}/accept`)).body as Json;
    expect(pending.status).toBe('pending');

    const res = await request(h.service.http).get('/v1/exports/iati').auth(await tokenFor({ role: 'coordinator', sub: 'c' }), { type: 'bearer' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const xml = res.text;
    expect(await iatiSchemaErrors(xml)).toEqual([]);

    expect(xml).not.toContain(pending.id);
    const a = activityOf(xml, triangular.id);
    expect(a).toContain('<collaboration-type code="8"/>');
    expect(a).toContain(`<participating-org role="1" type="10"><narrative xml:lang="de">${facilitator.provider.name}</narrative>`);
    expect(a).toContain('<participating-org role="4" type="80"><narrative xml:lang="sw">Kenya &lt;AI&gt; Lab</narrative>');
    expect(a).toContain('<reporting-org ref="XI-TEST-1" type="40"><narrative xml:lang="en">Test &amp; Co</narrative>');
    expect(a).toContain('<title><narrative xml:lang="fr">Données &amp; &quot;compétences&quot;</narrative></title>');
    expect(a).toContain('<activity-status code="2"/>');
    expect(a).toContain('<recipient-country code="RW" percentage="100"/>');
    expect(a).toContain('<activity-date type="1" iso-date="2027-03-01"/>');
    expect(a).toMatch(/<sector vocabulary="1" code="11430" percentage="50">.*<sector vocabulary="1" code="16062" percentage="50">/);
    expect(a).toContain('<tag vocabulary="2" code="4"/><tag vocabulary="2" code="17"/>');
  });

  it('answers the export only to coordinators and admins', async () => {
    const country = await tokenFor({ role: 'country', country: 'RWA', sub: 'x' });
    expect((await request(h.service.http).get('/v1/exports/iati').auth(country, { type: 'bearer' })).status).toBe(403);
    expect((await request(h.service.http).get('/v1/exports/iati')).status).toBe(401);
  });

  it('serves the coverage report as RFC 4180 CSV by Accept, and 406 for a type it cannot serve', async () => {
    const token = await tokenFor({ role: 'coordinator', sub: 'c' });
    const csv = await request(h.service.http).get('/v1/reports/coverage').set('Accept', 'text/csv').auth(token, { type: 'bearer' });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.vary).toMatch(/Accept/);
    const lines = csv.text.split('\r\n');
    expect(lines[0]).toBe('breakdown,value,open,matched,partnerships');
    expect(lines.at(-1)).toBe('');
    expect(lines.some((l) => /^cooperationType,triangular,,,[1-9]\d*$/.test(l))).toBe(true);
    expect(lines.some((l) => /^capacityArea,skills-and-education,\d+,\d+,$/.test(l))).toBe(true);

    const json = await request(h.service.http).get('/v1/reports/coverage').set('Accept', 'application/json').auth(token, { type: 'bearer' });
    expect(json.status).toBe(200);
    expect(json.body.requests).toBeDefined();

    const refused = await request(h.service.http).get('/v1/reports/coverage').set('Accept', 'application/xml').auth(token, { type: 'bearer' });
    expect(refused.status).toBe(406);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
