import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CooperationTypeName, ExplanationEntry, SuggestionSnapshot } from '@capmatch/contracts';

export interface NewProposal {
  id: string;
  requestId: string;
  offerIds: string[];
  providerIds: string[];
  key: string;
  country: string;
  cooperationType: CooperationTypeName;
  score: number;
  explanation: ExplanationEntry[];
}

export interface Superseded {
  id: string;
  reason: string;
}

export interface Rescored {
  id: string;
  score: number;
  explanation: readonly ExplanationEntry[];
}

/** The matcher, as recorded in the audit trail of the suggestions it proposes and supersedes. */
export const MATCHER = { sub: 'matching', role: 'system' } as const;

/**
 * Batched writes of the reconciler: one statement per kind of change whatever the number of
 * requests, each writing the audit trail in the same statement.
 */
@Injectable()
export class SuggestionWriter {
  /** Marks proposals superseded (only those still proposed) and records why. */
  async supersede(manager: EntityManager, rows: readonly Superseded[], at: Date): Promise<string[]> {
    if (rows.length === 0) return [];
    const done = (await manager.query(
      `WITH s AS (
         UPDATE matching.suggestions t SET status = 'superseded', updated_at = $3, reason = u.reason
         FROM unnest($1::uuid[], $2::text[]) AS u(id, reason)
         WHERE t.id = u.id AND t.status = 'proposed'
         RETURNING t.id, u.reason),
       h AS (
         INSERT INTO matching.suggestion_history (suggestion_id, action, actor_sub, actor_role, reason, at)
         SELECT id, 'superseded', $4, $5, reason, $3 FROM s)
       SELECT id FROM s`,
      [rows.map((r) => r.id), rows.map((r) => r.reason), at, MATCHER.sub, MATCHER.role],
    )) as Array<{ id: string }>;
    return done.map((r) => r.id);
  }

  async rescore(manager: EntityManager, rows: readonly Rescored[], at: Date): Promise<void> {
    if (rows.length === 0) return;
    await manager.query(
      `UPDATE matching.suggestions t SET score = u.score, explanation = u.explanation, updated_at = $4
       FROM unnest($1::uuid[], $2::float8[], $3::jsonb[]) AS u(id, score, explanation)
       WHERE t.id = u.id AND t.status = 'proposed'`,
      [rows.map((r) => r.id), rows.map((r) => r.score), rows.map((r) => JSON.stringify(r.explanation)), at],
    );
  }

  /**
   * Inserts proposals; one that is already live (another instance got there first, which the
   * partial unique index detects) is skipped. Returns the snapshots of those written.
   */
  async propose(manager: EntityManager, rows: readonly NewProposal[], at: Date): Promise<SuggestionSnapshot[]> {
    if (rows.length === 0) return [];
    const written = (await manager.query(
      `WITH ins AS (
         INSERT INTO matching.suggestions (id, request_id, offer_ids, provider_ids, combination_key, country,
           cooperation_type, score, explanation, status, created_at, updated_at)
         SELECT u.id, u.request_id, string_to_array(u.offers, ',')::uuid[], string_to_array(u.providers, ',')::uuid[],
           u.key, u.country, u.ctype, u.score, u.explanation, 'proposed', $10, $10
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::float8[], $9::jsonb[])
           AS u(id, request_id, offers, providers, key, country, ctype, score, explanation)
         ON CONFLICT (request_id, combination_key) WHERE status = 'proposed' DO NOTHING
         RETURNING id),
       h AS (
         INSERT INTO matching.suggestion_history (suggestion_id, action, actor_sub, actor_role, reason, at)
         SELECT id, 'proposed', $11, $12, NULL, $10 FROM ins)
       SELECT id FROM ins`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.requestId),
        rows.map((r) => r.offerIds.join(',')),
        rows.map((r) => r.providerIds.join(',')),
        rows.map((r) => r.key),
        rows.map((r) => r.country),
        rows.map((r) => r.cooperationType),
        rows.map((r) => r.score),
        rows.map((r) => JSON.stringify(r.explanation)),
        at,
        MATCHER.sub,
        MATCHER.role,
      ],
    )) as Array<{ id: string }>;
    const ids = new Set(written.map((r) => r.id));
    return rows
      .filter((r) => ids.has(r.id))
      .map((r) => ({
        id: r.id,
        requestId: r.requestId,
        offerIds: r.offerIds,
        country: r.country,
        cooperationType: r.cooperationType,
        score: r.score,
        explanation: r.explanation,
        status: 'proposed',
        createdAt: at.toISOString(),
        decidedAt: null,
        decidedBy: null,
        reason: null,
      }));
  }
}
