// Small wording helpers for explanations, so every text reads the same on every machine.

/** "a", "a and b", "a, b and c". */
export function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// A rebuild writes ~50,000 explanations over a few thousand distinct amounts and dates: both
// texts are kept once made (bounded, so odd inputs cannot grow them without end).
const MEMO_LIMIT = 100_000;
function memo(fn: (x: number) => string): (x: number) => string {
  const made = new Map<number, string>();
  return (x) => {
    let text = made.get(x);
    if (text === undefined) {
      text = fn(x);
      if (made.size >= MEMO_LIMIT) made.clear();
      made.set(x, text);
    }
    return text;
  };
}

/** USD amount with thousands separators. */
export const usd = memo((amount) => `USD ${Math.round(amount).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`);

/** YYYY-MM-DD of a day number (days since 1970-01-01). */
export const isoDay = memo((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

/** "1 day", "59 days". */
export const days = (n: number): string => `${n} day${n === 1 ? '' : 's'}`;

/** Text of a factor the request gives nothing to judge by (weights.ts: requestWeights). */
export const unweighted = (what: string): string => `the request names no ${what}, so this factor takes no weight`;
