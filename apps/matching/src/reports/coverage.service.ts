import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { COOPERATION_TYPES } from '@capmatch/taxonomy';
import { tableNamer } from '../store/schema';
import type { CoverageReportDto } from './coverage.dto';

const COUNTS = `count(*) FILTER (WHERE status = 'open')::int AS open, count(*) FILTER (WHERE status = 'matched')::int AS matched`;

/**
 * Coverage and gaps for coordinators (resolution 78/311, op. 9 and 15): where needs are met,
 * where they are not, and for whom. Read from this service's own projections and partnerships
 * (agreed ones: a pending partnership is not cooperation yet).
 */
@Injectable()
export class CoverageService {
  constructor(private readonly dataSource: DataSource) {}

  async report(): Promise<CoverageReportDto> {
    const t = tableNamer(this.dataSource);
    const P = t('request_projections');
    const q = <T>(sql: string): Promise<T[]> => this.dataSource.query(sql) as Promise<T[]>;
    const [totals] = await q<{ open: number; matched: number }>(`SELECT ${COUNTS} FROM ${P}`);
    const byCapacityArea = await q<{ capacityArea: string; open: number; matched: number }>(
      `SELECT area AS "capacityArea", ${COUNTS} FROM ${P}, unnest(capacity_areas) AS area GROUP BY area ORDER BY area`);
    const byRegion = await q<{ region: string; open: number; matched: number }>(
      `SELECT region, ${COUNTS} FROM ${P} GROUP BY region ORDER BY region`);
    const bySubregion = await q<{ subregion: string; open: number; matched: number }>(
      `SELECT subregion, ${COUNTS} FROM ${P} GROUP BY subregion ORDER BY subregion`);
    const byGroup = await q<{ group: string; open: number; matched: number }>(
      `SELECT g AS "group", ${COUNTS} FROM ${P},
         LATERAL (SELECT 'ldc' WHERE ldc UNION ALL SELECT 'lldc' WHERE lldc UNION ALL SELECT 'sids' WHERE sids) AS t(g)
       GROUP BY g ORDER BY g`);
    const byTargetGroup = await q<{ targetGroup: string; open: number; matched: number }>(
      `SELECT tg AS "targetGroup", ${COUNTS} FROM ${P}, jsonb_array_elements_text(snapshot->'targetGroups') AS tg
       GROUP BY tg ORDER BY tg`);
    const types = await q<{ cooperationType: string; partnerships: number }>(
      `SELECT cooperation_type AS "cooperationType", count(*)::int AS partnerships FROM ${t('partnerships')} WHERE status = 'agreed' GROUP BY 1`);
    const gapWhere = `p.status = 'open' AND NOT EXISTS (
      SELECT 1 FROM ${t('suggestions')} s WHERE s.request_id = p.id AND s.status = 'proposed')`;
    const [gapCount] = await q<{ count: number }>(`SELECT count(*)::int AS count FROM ${P} p WHERE ${gapWhere}`);
    const gaps = await q<{ requestId: string; country: string; region: string; capacityAreas: string[] }>(
      `SELECT p.id AS "requestId", p.country, p.region, p.capacity_areas AS "capacityAreas" FROM ${P} p
       WHERE ${gapWhere} ORDER BY p.snapshot->>'createdAt', p.id LIMIT 100`);
    const perType = new Map(types.map((t) => [t.cooperationType, t.partnerships]));
    return {
      asOf: new Date().toISOString(),
      requests: totals ?? { open: 0, matched: 0 },
      byCapacityArea,
      byRegion,
      bySubregion,
      byGroup,
      byTargetGroup,
      partnershipsByCooperationType: COOPERATION_TYPES.map((t) => ({ cooperationType: t, partnerships: perType.get(t) ?? 0 })),
      gaps: { count: gapCount.count, requests: gaps },
    };
  }
}
