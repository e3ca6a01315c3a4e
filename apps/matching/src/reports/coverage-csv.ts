import type { CoverageReportDto } from './coverage.dto';

// The coverage report as RFC 4180 CSV: a header, then one row per breakdown and value, CRLF
// line ends, a field quoted when it holds a comma, a quote or a line break (quotes doubled).

export const COVERAGE_CSV_HEADER = ['breakdown', 'value', 'open', 'matched', 'partnerships'] as const;

type Cell = string | number | null;

export function csvField(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRows(rows: Cell[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Breakdowns: `requests` (value `all`), `capacityArea`, `region`, `subregion`, `group`,
 * `targetGroup` (open and matched requests), `cooperationType` (partnerships), and `gaps`
 * (value `open-without-suggestion`, the count in `open`).
 */
export function coverageCsv(r: CoverageReportDto): string {
  const counts = (breakdown: string, value: string, c: { open: number; matched: number }): Cell[] =>
    [breakdown, value, c.open, c.matched, null];
  return csvRows([
    [...COVERAGE_CSV_HEADER],
    counts('requests', 'all', r.requests),
    ...r.byCapacityArea.map((x) => counts('capacityArea', x.capacityArea, x)),
    ...r.byRegion.map((x) => counts('region', x.region, x)),
    ...r.bySubregion.map((x) => counts('subregion', x.subregion, x)),
    ...r.byGroup.map((x) => counts('group', x.group, x)),
    ...r.byTargetGroup.map((x) => counts('targetGroup', x.targetGroup, x)),
    ...r.partnershipsByCooperationType.map((x) => ['cooperationType', x.cooperationType, null, null, x.partnerships]),
    ['gaps', 'open-without-suggestion', r.gaps.count, null, null],
  ]);
}
