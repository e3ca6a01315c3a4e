import { InvalidFieldsException } from '../http/invalid-fields.exception';

export type CursorValues = Record<string, string>;

function badCursor(): InvalidFieldsException {
  return new InvalidFieldsException([{ field: 'cursor', message: 'is not a cursor this list handed out' }], 'Invalid cursor');
}

/** base64url of a JSON object: sort key → the row's value as Postgres prints it. */
export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes and checks a cursor against the expected sort keys; anything else is a 400 naming `cursor`. */
export function decodeCursor(cursor: string, keys: string[]): CursorValues {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw badCursor();
  const record = parsed as Record<string, unknown>;
  if (Object.keys(record).length !== keys.length) throw badCursor();
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== 'string' || value.length > 500) throw badCursor();
  }
  return record as CursorValues;
}
