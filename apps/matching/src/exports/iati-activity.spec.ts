import { CAPACITY_AREAS } from '@capmatch/taxonomy';
import { iatiSchemaErrors } from '../../../../test/support/iati-schema';
import { DAC_SECTOR_OF, sectorsOf } from './dac-sectors';
import { COLLABORATION_TYPE, iatiActivities, type ActivityInput } from './iati-activity';
import { escapeXml } from './xml';

const org = { ref: 'XI-CAPMATCH', type: '40', name: 'capmatch <test> & "friends"' };

function activity(overrides: Partial<ActivityInput> = {}): ActivityInput {
  return {
    identifier: 'XI-CAPMATCH-6f1c2a4e-0000-4000-8000-000000000001',
    lastUpdated: '2026-05-01T10:00:00.000Z',
    title: 'Données & <compétences> "IA"',
    description: "L'État forme ses statisticiens\u0007 en science des données.",
    language: 'fr',
    recipientCountry: 'RW',
    cooperationType: 'triangular',
    window: { start: '2027-03-01', end: '2027-12-31' },
    capacityAreas: ['compute', 'language-technology', 'data'],
    sdgs: [9, 4, 9],
    parties: [
      { providerName: 'Kenya ICT Authority', providerKind: 'government', offerTitle: 'Swahili NLP', offerDescription: 'Corpora & models', language: 'sw', role: 'provider' },
      { providerName: 'Ministry <North>', providerKind: 'government', offerTitle: 'Funding', offerDescription: 'Grants', language: 'de', role: 'facilitator' },
    ],
    ...overrides,
  };
}

/** Attribute values of every `<name …>` in document order. */
function attrs(xml: string, name: string, attr: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*\\b${attr}="([^"]*)"`, 'g'))].map((m) => m[1]);
}

describe('IATI activity XML', () => {
  it('is valid against the IATI 2.03 activity schema', async () => {
    const xml = iatiActivities([activity(), activity({ identifier: 'XI-CAPMATCH-2', cooperationType: 'north-south', parties: [activity().parties[0]] })], org, '2026-05-02T00:00:00.000Z');
    expect(await iatiSchemaErrors(xml)).toEqual([]);
    expect(xml).toContain('<iati-activities version="2.03"');
  });

  it('makes a triangular partnership collaboration type 8 with the facilitator funding and the provider implementing', () => {
    const xml = iatiActivities([activity()], org, '2026-05-02T00:00:00.000Z');
    expect(attrs(xml, 'collaboration-type', 'code')).toEqual(['8']);
    expect(xml).toContain('<participating-org role="4" type="10"><narrative xml:lang="sw">Kenya ICT Authority</narrative>');
    expect(xml).toContain('<participating-org role="1" type="10"><narrative xml:lang="de">Ministry &lt;North&gt;</narrative>');
    expect(attrs(xml, 'activity-status', 'code')).toEqual(['2']);
    expect(attrs(xml, 'activity-date', 'type')).toEqual(['1', '3']);
    expect(attrs(xml, 'activity-date', 'iso-date')).toEqual(['2027-03-01', '2027-12-31']);
    expect(attrs(xml, 'recipient-country', 'code')).toEqual(['RW']);
  });

  it('uses collaboration type 1 for bilateral cooperation and 2 for multilateral, with implementing providers only', () => {
    expect(COLLABORATION_TYPE).toEqual({ 'north-south': '1', 'south-south': '1', multilateral: '2', triangular: '8' });
    const xml = iatiActivities([activity({ cooperationType: 'south-south' })], org, '2026-05-02T00:00:00.000Z');
    expect(attrs(xml, 'participating-org', 'role')).toEqual(['4', '4']);
  });

  it('tags each SDG once with vocabulary 2, and DAC sectors with vocabulary 1 summing to 100', () => {
    const xml = iatiActivities([activity()], org, '2026-05-02T00:00:00.000Z');
    expect(attrs(xml, 'tag', 'vocabulary')).toEqual(['2', '2']);
    expect(attrs(xml, 'tag', 'code')).toEqual(['4', '9']);
    expect(attrs(xml, 'sector', 'vocabulary')).toEqual(['1', '1']);
    expect(attrs(xml, 'sector', 'code')).toEqual(['22040', '16062']);
    expect(attrs(xml, 'sector', 'percentage').map(Number).reduce((a, b) => a + b)).toBe(100);
  });

  it('gives every narrative its language and escapes every value', () => {
    const xml = iatiActivities([activity()], org, '2026-05-02T00:00:00.000Z');
    const narratives = [...xml.matchAll(/<narrative\b([^>]*)>/g)].map((m) => m[1]);
    expect(narratives.length).toBeGreaterThan(0);
    for (const a of narratives) expect(a).toMatch(/^ xml:lang="[a-z]{2,3}"$/);
    expect(xml).toContain('<narrative xml:lang="fr">Données &amp; &lt;compétences&gt; &quot;IA&quot;</narrative>');
    expect(xml).toContain('L&apos;État forme ses statisticiens en science');
    expect(xml).toContain('capmatch &lt;test&gt; &amp; &quot;friends&quot;');
    expect(escapeXml('a\u0000b\uFFFEc\u{1F600}')).toBe('abc\u{1F600}');
  });
});

describe('DAC sector mapping', () => {
  it('maps every capacity area to a 5-digit DAC purpose code', () => {
    for (const area of CAPACITY_AREAS) expect(DAC_SECTOR_OF[area].code).toMatch(/^\d{5}$/);
  });

  it('splits shares in hundredths that add up to exactly 100', () => {
    const shares = sectorsOf(['ai-strategy-and-policy', 'data', 'compute']);
    expect(shares.map((s) => s.percentage)).toEqual([33.34, 33.33, 33.33]);
    expect(sectorsOf([])).toEqual([]);
    expect(sectorsOf(['compute', 'language-technology']).map((s) => [s.code, s.percentage])).toEqual([['22040', 100]]);
  });
});
