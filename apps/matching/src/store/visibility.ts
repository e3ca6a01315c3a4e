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
