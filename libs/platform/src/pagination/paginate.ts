import { QueryFailedError, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { InvalidFieldsException } from '../http/invalid-fields.exception';
import { decodeCursor, encodeCursor } from './cursor';
import type { Page, PageQuery } from './page-query.dto';

export interface SortKey {
  /** SQL expression as the query builder knows it: `r.created_at`. */
  column: string;
  /** Name of the value in the cursor: `createdAt`. */
  key: string;
  direction: 'ASC' | 'DESC';
}

/**
 * Keyset pagination. The last sort key must be unique (the id) so the order is total; sort
 * columns must be NOT NULL. Cursor values are the columns' own text form, so timestamps keep
 * Postgres's microseconds (a JavaScript Date would drop them and skip rows). The query must not
 * join to-many relations: one raw row per entity.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  page: Pick<PageQuery, 'limit' | 'cursor'>,
  order: SortKey[],
): Promise<Page<T>> {
  const limit = page.limit ?? 50;
  order.forEach((s, i) => qb.addSelect(`(${s.column})::text`, `__cursor_${i}`));
  if (page.cursor) {
    const values = decodeCursor(page.cursor, order.map((s) => s.key));
    // (a, b, c) after (x, y, z) with mixed directions: a>x OR (a=x AND b<y) OR (a=x AND b=y AND c>z)
    const branches = order.map((s, i) => {
      const equal = order.slice(0, i).map((p, j) => `${p.column} = :__cursor_${j}`);
      const step = `${s.column} ${s.direction === 'ASC' ? '>' : '<'} :__cursor_${i}`;
      return `(${[...equal, step].join(' AND ')})`;
    });
    qb.andWhere(`(${branches.join(' OR ')})`);
    order.forEach((s, i) => qb.setParameter(`__cursor_${i}`, values[s.key]));
  }
  order.forEach((s, i) => (i === 0 ? qb.orderBy(s.column, s.direction) : qb.addOrderBy(s.column, s.direction)));
  qb.limit(limit + 1);

  let result: { entities: T[]; raw: Record<string, string>[] };
  try {
    result = await qb.getRawAndEntities();
  } catch (error) {
    // A forged cursor value the column type rejects (class 22: data exception) is the client's fault.
    if (page.cursor && error instanceof QueryFailedError && /^22/.test(String((error as { code?: string }).code))) {
      throw new InvalidFieldsException([{ field: 'cursor', message: 'is not a cursor this list handed out' }], 'Invalid cursor');
    }
    throw error;
  }
  const items = result.entities.slice(0, limit);
  if (result.entities.length <= limit) return { items, nextCursor: null };
  const last = result.raw[limit - 1];
  return { items, nextCursor: encodeCursor(Object.fromEntries(order.map((s, i) => [s.key, last[`__cursor_${i}`]]))) };
}
