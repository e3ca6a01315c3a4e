/** One field's change in an audit trail entry; values are plain JSON (snapshot fields). */
export interface FieldDiff {
  field: string;
  from: unknown;
  to: unknown;
}

/** Snapshots are plain JSON, so equal serialisations mean equal values (arrays compare in order). */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The fields, in the order given, whose values differ between two states of one record. Each
 * service decides which fields its audit trail tracks; this only compares them.
 */
export function diffFields<T extends object, K extends keyof T & string>(before: T, after: T, fields: readonly K[]): FieldDiff[] {
  const changes: FieldDiff[] = [];
  for (const field of fields) {
    if (!same(before[field], after[field])) changes.push({ field, from: before[field], to: after[field] });
  }
  return changes;
}
