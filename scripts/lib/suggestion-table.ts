// Renders the demo's result: the top suggestions of every request with the reasons that
// weighed most, as a plain-text table (no dependency; widths count code points so Cyrillic,
// Arabic and accented titles line up).
import type { ExplanationEntry, Suggestion } from './api-types';

export interface TableRow {
  country: string;
  title: string;
  suggestion: Suggestion | null;
  providers: string;
}

const chars = (s: string) => Array.from(s);
const width = (s: string) => chars(s).length;

export function truncate(text: string, max: number): string {
  const cs = chars(text.replace(/\s+/g, ' ').trim());
  return cs.length <= max ? cs.join('') : `${cs.slice(0, max - 1).join('')}…`;
}

const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - width(text)));

/** The two explanation entries that contributed most (weight × score), as their details. */
export function mainReasons(explanation: ExplanationEntry[], count = 2): string {
  return [...explanation]
    .filter((e) => e.weight > 0 && e.score > 0)
    .sort((a, b) => b.weight * b.score - a.weight * a.score)
    .slice(0, count)
    .map((e) => e.detail)
    .join('; ');
}

export function renderTable(rows: TableRow[]): string {
  const header = ['country', 'request', 'type', 'score', 'offer(s)', 'main reasons'];
  const cells = rows.map((r, i) => {
    const first = i === 0 || rows[i - 1].title !== r.title || rows[i - 1].country !== r.country;
    const s = r.suggestion;
    return [
      first ? r.country : '',
      first ? truncate(r.title, 40) : '',
      s ? s.cooperationType : '(none yet)',
      s ? s.score.toFixed(3) : '',
      truncate(r.providers, 32),
      s ? truncate(mainReasons(s.explanation), 100) : '',
    ];
  });
  return formatColumns(header, cells);
}

/** A plain text table: a header, a rule, and the rows, each column as wide as its widest cell. */
export function formatColumns(header: string[], cells: string[][]): string {
  const widths = header.map((h, c) => Math.max(width(h), ...cells.map((row) => width(row[c]))));
  const line = (row: string[]) => row.map((cell, c) => pad(cell, widths[c])).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header), rule, ...cells.map(line)].join('\n');
}
