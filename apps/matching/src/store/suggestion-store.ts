import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { OneStatement } from '@capmatch/platform';
import type { CooperationTypeName, ExplanationEntry, SuggestionSnapshot } from '@capmatch/contracts';
import type { RejectionReasonCode } from '@capmatch/engine';
import { SYSTEM_ACTOR, type Actor } from './system-actor';
import { tableNamer } from './schema';

/** The NOTIFY channel on which every instance learns that requests were queued for re-matching. */
export const REMATCH_CHANNEL = 'capmatch_matching_rematch';

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

/** A live proposal or a rejected combination of a request, as the reconciler reads them. */
export interface LiveOrRejectedRow {
  kind: 'live' | 'rejected';
  id: string;
  request_id: string;
  combination_key: string;
  offer_ids: string[];
  cooperation_type: CooperationTypeName;
  score: number;
  explanation: unknown;
  /** Rejected rows: the providing offer's provider and the reason code (libs/engine rules/rejections.ts). */
  provider_id: string | null;
  reason_code: RejectionReasonCode | null;
}

export type SuggestionAction = 'proposed' | 'accepted' | 'rejected' | 'superseded';

/**
 * Suggestions with their audit trail, the rejected combinations (hard rule 8) and the durable
 * queue of requests to re-match: the only code that writes these tables. Batched writes write
 * the audit trail in the same statement; `record` is the one history insert for single changes.
 */
@Injectable()
export class SuggestionStore {
  private readonly suggestions: string;
  private readonly history: string;
  private readonly rejected: string;
  private readonly rematch: string;

  constructor(dataSource: DataSource) {
    const t = tableNamer(dataSource);
    this.suggestions = t('suggestions');
    this.history = t('suggestion_history');
    this.rejected = t('rejected_combinations');
    this.rematch = t('pending_rematch');
  }

  /** One audit entry of one suggestion. */
  async record(manager: EntityManager, suggestionId: string, action: SuggestionAction, actor: Actor, reason: string | null, at: Date): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.history} (suggestion_id, action, actor_sub, actor_role, reason, at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [suggestionId, action, actor.sub, actor.role, reason, at],
    );
  }

  /** Marks a proposed suggestion accepted or rejected by `actor`, with its audit entry. */
  async decide(
    manager: EntityManager,
    id: string,
    decision: { status: 'accepted' | 'rejected'; actor: Actor; at: Date; reason: string | null; note?: string },
  ): Promise<void> {
    await manager.query(
      `UPDATE ${this.suggestions} SET status = $2, decided_at = $3, decided_by = $4, reason = $5, updated_at = $3 WHERE id = $1`,
      [id, decision.status, decision.at, decision.actor.sub, decision.reason],
    );
    await this.record(manager, id, decision.status, decision.actor, decision.note ?? decision.reason, decision.at);
  }

  /** Hard rule 8: this combination is never proposed to this request again. */
  async rememberRejected(
    manager: EntityManager, requestId: string, key: string, suggestionId: string, at: Date, reasonCode: RejectionReasonCode | null = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO ${this.rejected} (request_id, combination_key, suggestion_id, rejected_at, reason_code) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [requestId, key, suggestionId, at, reasonCode],
    );
  }

  /**
   * One round trip for both: the live proposals and the rejected combinations of these
   * requests, each rejection with the rejected suggestion's offers, providing provider and
   * reason code (the engine turns them into Rejections).
   */
  liveAndRejected(manager: EntityManager, requestIds: readonly string[]): Promise<LiveOrRejectedRow[]> {
    return manager.query(
      `SELECT 'live' AS kind, id, request_id, combination_key, offer_ids, cooperation_type, score, explanation,
              NULL::uuid AS provider_id, NULL::text AS reason_code
       FROM ${this.suggestions} WHERE request_id = ANY($1::uuid[]) AND status = 'proposed'
       UNION ALL
       SELECT 'rejected', x.suggestion_id, x.request_id, x.combination_key, s.offer_ids, NULL, NULL, NULL, s.provider_ids[1], x.reason_code
       FROM ${this.rejected} x JOIN ${this.suggestions} s ON s.id = x.suggestion_id
       WHERE x.request_id = ANY($1::uuid[])`,
      [requestIds],
    ) as Promise<LiveOrRejectedRow[]>;
  }

  /** The requests with a live proposal holding this offer. */
  async holdersOf(manager: EntityManager, offerId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT DISTINCT request_id FROM ${this.suggestions} WHERE status = 'proposed' AND offer_ids @> ARRAY[$1]::uuid[]`,
      [offerId],
    )) as Array<{ request_id: string }>;
    return rows.map((r) => r.request_id);
  }

  /** For each request with a live proposal holding one of these offers: the offers it holds. */
  async holdersOfAny(manager: EntityManager, offerIds: readonly string[], among?: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    if (offerIds.length === 0 || among?.length === 0) return out;
    const rows = (await manager.query(
      `SELECT request_id, offer_ids FROM ${this.suggestions}
       WHERE status = 'proposed' AND offer_ids && $1::uuid[] AND ($2::uuid[] IS NULL OR request_id = ANY($2::uuid[]))`,
      [offerIds, among ?? null],
    )) as Array<{ request_id: string; offer_ids: string[] }>;
    const wanted = new Set(offerIds);
    for (const r of rows) {
      const held = out.get(r.request_id) ?? new Set<string>();
      for (const id of r.offer_ids) if (wanted.has(id)) held.add(id);
      out.set(r.request_id, held);
    }
    return out;
  }

  /**
   * The K-th best live score of each of these requests whose K proposals hold K distinct
   * provider offers: only there does it bar a new offer (the engine's diversity order).
   */
  async kthScores(manager: EntityManager, requestIds: readonly string[], k: number): Promise<Map<string, number>> {
    const rows = (await manager.query(
      `SELECT request_id, min(score) AS kth FROM ${this.suggestions}
       WHERE status = 'proposed' AND request_id = ANY($1::uuid[]) GROUP BY request_id HAVING count(DISTINCT offer_ids[1]) >= $2`,
      [requestIds, k],
    )) as Array<{ request_id: string; kth: number }>;
    return new Map(rows.map((r) => [r.request_id, Number(r.kth)]));
  }

  /** The combination key of a suggestion (hard rule 8 remembers it). */
  async combinationOf(manager: EntityManager, suggestionId: string): Promise<string | null> {
    const rows = (await manager.query(`SELECT combination_key FROM ${this.suggestions} WHERE id = $1`, [suggestionId])) as Array<{
      combination_key: string;
    }>;
    return rows[0]?.combination_key ?? null;
  }

  /** The request's live proposals other than `exceptId`. */
  async othersOf(manager: EntityManager, requestId: string, exceptId: string): Promise<string[]> {
    const rows = (await manager.query(
      `SELECT id FROM ${this.suggestions} WHERE status = 'proposed' AND request_id = $1 AND id <> $2`,
      [requestId, exceptId],
    )) as Array<{ id: string }>;
    return rows.map((r) => r.id);
  }

  /** Marks proposals superseded (only those still proposed) and records why. */
  async supersede(manager: EntityManager, rows: readonly Superseded[], at: Date): Promise<string[]> {
    if (rows.length === 0) return [];
    const done = (await manager.query(
      `WITH s AS (
         UPDATE ${this.suggestions} t SET status = 'superseded', updated_at = $3, reason = u.reason
         FROM unnest($1::uuid[], $2::text[]) AS u(id, reason)
         WHERE t.id = u.id AND t.status = 'proposed'
         RETURNING t.id, u.reason),
       h AS (
         INSERT INTO ${this.history} (suggestion_id, action, actor_sub, actor_role, reason, at)
         SELECT id, 'superseded', $4, $5, reason, $3 FROM s)
       SELECT id FROM s`,
      [rows.map((r) => r.id), rows.map((r) => r.reason), at, SYSTEM_ACTOR.sub, SYSTEM_ACTOR.role],
    )) as Array<{ id: string }>;
    return done.map((r) => r.id);
  }

  /**
   * supersede, rescore and propose as CTEs of one statement (the reconciler adds the proposals'
   * events to it and runs it in one round trip). The ids of the proposals written are in the
   * CTE `proposed_rows` (when there are proposals) and in the answer's column `proposed_ids`.
   */
  changesIn(st: OneStatement, changes: { superseded: readonly Superseded[]; rescored: readonly Rescored[]; proposals: readonly NewProposal[] }, at: Date): void {
    const { superseded, rescored, proposals } = changes;
    const p = (value: unknown, type: string) => st.param(value, type);
    if (superseded.length + rescored.length + proposals.length === 0) {
      st.select('proposed_ids', `'{}'::uuid[]`);
      return;
    }
    const when = p(at, 'timestamptz');
    // Created on first use: a parameter the text never names has no type, which Postgres refuses.
    let actor: [string, string] | undefined;
    const who = (): [string, string] => (actor ??= [p(SYSTEM_ACTOR.sub, 'text'), p(SYSTEM_ACTOR.role, 'text')]);
    if (superseded.length > 0) {
      st.with(
        'superseded_rows',
        `UPDATE ${this.suggestions} t SET status = 'superseded', updated_at = ${when}, reason = u.reason
         FROM unnest(${p(superseded.map((r) => r.id), 'uuid[]')}, ${p(superseded.map((r) => r.reason), 'text[]')}) AS u(id, reason)
         WHERE t.id = u.id AND t.status = 'proposed'
         RETURNING t.id, u.reason`,
      );
      const [sub, role] = who();
      st.with(
        'superseded_history',
        `INSERT INTO ${this.history} (suggestion_id, action, actor_sub, actor_role, reason, at)
         SELECT id, 'superseded', ${sub}, ${role}, reason, ${when} FROM superseded_rows`,
      );
    }
    if (rescored.length > 0) {
      st.with(
        'rescored_rows',
        `UPDATE ${this.suggestions} t SET score = u.score, explanation = u.explanation, updated_at = ${when}
         FROM unnest(${p(rescored.map((r) => r.id), 'uuid[]')}, ${p(rescored.map((r) => r.score), 'float8[]')},
           ${p(rescored.map((r) => JSON.stringify(r.explanation)), 'jsonb[]')}) AS u(id, score, explanation)
         WHERE t.id = u.id AND t.status = 'proposed'
         RETURNING t.id`,
      );
    }
    if (proposals.length > 0) {
      st.with(
        'proposed_rows',
        `INSERT INTO ${this.suggestions} (id, request_id, offer_ids, provider_ids, combination_key, country,
           cooperation_type, score, explanation, status, created_at, updated_at)
         SELECT u.id, u.request_id, string_to_array(u.offers, ',')::uuid[], string_to_array(u.providers, ',')::uuid[],
           u.key, u.country, u.ctype, u.score, u.explanation, 'proposed', ${when}, ${when}
         FROM unnest(${p(proposals.map((r) => r.id), 'uuid[]')}, ${p(proposals.map((r) => r.requestId), 'uuid[]')},
           ${p(proposals.map((r) => r.offerIds.join(',')), 'text[]')}, ${p(proposals.map((r) => r.providerIds.join(',')), 'text[]')},
           ${p(proposals.map((r) => r.key), 'text[]')}, ${p(proposals.map((r) => r.country), 'text[]')},
           ${p(proposals.map((r) => r.cooperationType), 'text[]')}, ${p(proposals.map((r) => r.score), 'float8[]')},
           ${p(proposals.map((r) => JSON.stringify(r.explanation)), 'jsonb[]')})
           AS u(id, request_id, offers, providers, key, country, ctype, score, explanation)
         ON CONFLICT (request_id, combination_key) WHERE status = 'proposed' DO NOTHING
         RETURNING id`,
      );
      const [sub, role] = who();
      st.with(
        'proposed_history',
        `INSERT INTO ${this.history} (suggestion_id, action, actor_sub, actor_role, reason, at)
         SELECT id, 'proposed', ${sub}, ${role}, NULL, ${when} FROM proposed_rows`,
      );
    }
    st.select('proposed_ids', proposals.length > 0 ? `(SELECT coalesce(array_agg(id), '{}') FROM proposed_rows)` : `'{}'::uuid[]`);
    // Data-modifying CTEs run whether or not the answer reads them; these make the statement wait for them all the same.
    if (superseded.length > 0) st.select('superseded_count', '(SELECT count(*)::int FROM superseded_rows)');
    if (rescored.length > 0) st.select('rescored_count', '(SELECT count(*)::int FROM rescored_rows)');
  }

  /** The snapshots of the proposals `changesIn` wrote (those whose ids it answered). */
  snapshotsOf(rows: readonly NewProposal[], writtenIds: readonly string[], at: Date): SuggestionSnapshot[] {
    const ids = new Set(writtenIds);
    return rows.filter((r) => ids.has(r.id)).map((r) => proposalSnapshot(r, at));
  }

  /**
   * Queues requests for re-matching in the caller's transaction. The NOTIFY goes out with its
   * commit, so every instance drains the queue right then instead of at its next poll.
   */
  async enqueueRematch(manager: EntityManager, requestIds: readonly string[]): Promise<void> {
    if (requestIds.length === 0) return;
    await manager.query(
      `WITH queued AS (INSERT INTO ${this.rematch} (request_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING)
       SELECT pg_notify($2, '')`,
      [requestIds, REMATCH_CHANNEL],
    );
  }

  async dequeueRematch(manager: EntityManager, requestId: string): Promise<void> {
    await manager.query(`DELETE FROM ${this.rematch} WHERE request_id = $1`, [requestId]);
  }

  /** Takes the oldest queued request no other instance is taking (SKIP LOCKED), or null. */
  async claimRematch(manager: EntityManager): Promise<string | null> {
    const rows = (await manager.query(
      // Wrapped in a SELECT: TypeORM answers a bare DELETE ... RETURNING with [rows, count].
      `WITH claimed AS (
         DELETE FROM ${this.rematch} WHERE request_id = (
           SELECT request_id FROM ${this.rematch} ORDER BY queued_at FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING request_id)
       SELECT request_id FROM claimed`,
    )) as Array<{ request_id: string }>;
    return rows[0]?.request_id ?? null;
  }
}

/** A proposal's snapshot as its `suggestion.proposed` event carries it. */
export function proposalSnapshot(r: NewProposal, at: Date): SuggestionSnapshot {
  return {
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
  };
}
