import { NotFoundException } from '@nestjs/common';
import type { AuthUser } from '@capmatch/platform';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Who sees which suggestions and partnerships (contract, roles): a country those of its own
 * requests, a donor those holding one of its provider's offers, coordinators and admins all.
 * Applied in the query, so an invisible object is simply not found (404, never 403).
 */
export function restrictToVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, user: AuthUser): SelectQueryBuilder<T> {
  if (user.role === 'country') return qb.andWhere(`${alias}.country = :visibleCountry`, { visibleCountry: user.country ?? '' });
  if (user.role === 'donor') {
    return qb.andWhere(`${alias}.provider_ids @> ARRAY[:visibleProvider]::uuid[]`, {
      visibleProvider: user.providerId ?? '00000000-0000-0000-0000-000000000000',
    });
  }
  return qb;
}

/** The one object the query finds within the caller's visibility, else 404 (`what` not found). */
export async function findVisible<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, user: AuthUser, what: string): Promise<T> {
  const found = await restrictToVisible(qb, qb.alias, user).getOne();
  if (!found) throw new NotFoundException(`${what} not found`);
  return found;
}

/** The list filters suggestions and partnerships share; each one given narrows the query. */
export interface DecisionFilters {
  requestId?: string;
  offerId?: string;
  country?: string;
  cooperationType?: string;
  status?: string;
}

/** Narrows a list of suggestions or partnerships (table alias `alias`) by the filters given. */
export function filterDecisions<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, q: DecisionFilters): SelectQueryBuilder<T> {
  if (q.requestId) qb.andWhere(`${alias}.request_id = :requestId`, { requestId: q.requestId });
  if (q.offerId) qb.andWhere(`${alias}.offer_ids @> ARRAY[:offerId]::uuid[]`, { offerId: q.offerId });
  if (q.country) qb.andWhere(`${alias}.country = :country`, { country: q.country });
  if (q.cooperationType) qb.andWhere(`${alias}.cooperation_type = :cooperationType`, { cooperationType: q.cooperationType });
  if (q.status) qb.andWhere(`${alias}.status = :status`, { status: q.status });
  return qb;
}
