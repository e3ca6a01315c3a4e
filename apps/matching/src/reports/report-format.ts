// Content negotiation for the coverage report (RFC 9110 §12.5.1): JSON or CSV by `Accept`.
// No header, or one that accepts anything, gets JSON; a header that accepts neither gets 406.

export type ReportFormat = 'json' | 'csv';

const MEDIA: Record<ReportFormat, [string, string]> = { json: ['application', 'json'], csv: ['text', 'csv'] };

interface Range {
  type: string;
  subtype: string;
  q: number;
}

function parse(accept: string): Range[] {
  return accept.split(',').flatMap((part) => {
    const [media, ...params] = part.trim().split(';');
    const [type, subtype] = media.trim().toLowerCase().split('/');
    if (!type || !subtype) return [];
    const qParam = params.map((p) => p.trim().toLowerCase()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    return Number.isFinite(q) ? [{ type, subtype, q: Math.min(Math.max(q, 0), 1) }] : [];
  });
}

/** The quality the header gives one format: from its most specific matching range. */
function quality(ranges: Range[], [type, subtype]: [string, string]): number {
  const specificity = (r: Range) => (r.type === type && r.subtype === subtype ? 2 : r.type === type && r.subtype === '*' ? 1 : 0);
  const matching = ranges.filter((r) => (r.type === '*' && r.subtype === '*') || (r.type === type && (r.subtype === subtype || r.subtype === '*')));
  if (matching.length === 0) return 0;
  return matching.reduce((best, r) => (specificity(r) > specificity(best) ? r : best)).q;
}

/** The format to answer in, or null when the caller accepts neither (406). */
export function reportFormat(accept: string | undefined): ReportFormat | null {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = parse(accept);
  const json = quality(ranges, MEDIA.json);
  const csv = quality(ranges, MEDIA.csv);
  if (json === 0 && csv === 0) return null;
  return csv > json ? 'csv' : 'json';
}
