import { paginate, type Page, type PageQuery } from '@capmatch/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** One entry of an audit trail as the API answers it (suggestions and partnerships alike). */
export interface HistoryEntry {
  at: string;
  action: string;
  actor: { sub: string; role: string };
  reason: string | null;
}

interface HistoryRow extends ObjectLiteral {
  at: Date;
  action: string;
  actorSub: string;
  actorRole: string;
  reason: string | null;
}

/** One page of an audit trail, oldest first (by the table's id). */
export async function historyPage<T extends HistoryRow>(qb: SelectQueryBuilder<T>, q: PageQuery): Promise<Page<HistoryEntry>> {
  const page = await paginate(qb, q, [{ column: `${qb.alias}.id`, key: 'id', direction: 'ASC' }]);
  return {
    items: page.items.map((h) => ({ at: new Date(h.at).toISOString(), action: h.action, actor: { sub: h.actorSub, role: h.actorRole }, reason: h.reason })),
    nextCursor: page.nextCursor,
  };
}
