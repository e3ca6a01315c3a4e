import { coverageCsv, csvField, csvRows } from './coverage-csv';
import type { CoverageReportDto } from './coverage.dto';

const report: CoverageReportDto = {
  asOf: '2026-01-01T00:00:00.000Z',
  requests: { open: 3, matched: 1 },
  byCapacityArea: [{ capacityArea: 'compute', open: 2, matched: 1 }],
  byRegion: [{ region: 'africa', open: 3, matched: 1 }],
  bySubregion: [{ subregion: 'sub-saharan-africa', open: 3, matched: 1 }],
  byGroup: [{ group: 'ldc', open: 1, matched: 0 }],
  byTargetGroup: [{ targetGroup: 'women-and-girls', open: 1, matched: 1 }],
  partnershipsByCooperationType: [{ cooperationType: 'south-south', partnerships: 1 }, { cooperationType: 'triangular', partnerships: 0 }],
  gaps: { count: 2, requests: [] },
};

describe('coverage CSV (RFC 4180)', () => {
  it('writes a header and one CRLF-terminated row per breakdown and value', () => {
    expect(coverageCsv(report)).toBe([
      'breakdown,value,open,matched,partnerships',
      'requests,all,3,1,',
      'capacityArea,compute,2,1,',
      'region,africa,3,1,',
      'subregion,sub-saharan-africa,3,1,',
      'group,ldc,1,0,',
      'targetGroup,women-and-girls,1,1,',
      'cooperationType,south-south,,,1',
      'cooperationType,triangular,,,0',
      'gaps,open-without-suggestion,2,,',
      '',
    ].join('\r\n'));
  });

  it('quotes fields holding a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvRows([['x', 1], ['y\n', 2]])).toBe('x,1\r\n"y\n",2\r\n');
  });
});
