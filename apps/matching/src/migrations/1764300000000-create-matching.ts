import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The matching service's own tables: projections of requests and offers (fed by events, never
 * read from the other services), suggestions with their audit trail, rejected combinations,
 * partnerships with the slots they take, and the durable queue of requests to re-match.
 */
export class CreateMatching1764300000000 implements MigrationInterface {
  name = 'CreateMatching1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS matching`);
    // One sequence for both projections: an instance follows every projection write by pulling
    // rows whose seq is above the last one it saw (see projection-sync.service.ts).
    await q.query(`CREATE SEQUENCE matching.projection_seq`);
    await q.query(`CREATE TABLE matching.request_projections (
      id uuid PRIMARY KEY,
      version integer NOT NULL,
      seq bigint NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('open', 'matched', 'withdrawn')),
      matched_here boolean NOT NULL DEFAULT false,
      country char(3) NOT NULL,
      region text NOT NULL,
      subregion text NOT NULL,
      ldc boolean NOT NULL,
      lldc boolean NOT NULL,
      sids boolean NOT NULL,
      capacity_areas text[] NOT NULL,
      snapshot jsonb NOT NULL,
      projected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX request_projections_seq_idx ON matching.request_projections (seq)`);
    await q.query(`CREATE INDEX request_projections_status_idx ON matching.request_projections (status)`);
    await q.query(`CREATE TABLE matching.offer_projections (
      id uuid PRIMARY KEY,
      version integer NOT NULL,
      seq bigint NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('open', 'exhausted', 'withdrawn')),
      provider_id uuid NOT NULL,
      provider_country char(3),
      origin varchar(16) NOT NULL,
      role varchar(16) NOT NULL,
      slots integer NOT NULL CHECK (slots >= 1),
      remaining_slots integer NOT NULL CHECK (remaining_slots >= 0),
      used_slots integer NOT NULL DEFAULT 0 CHECK (used_slots >= 0),
      snapshot jsonb NOT NULL,
      projected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX offer_projections_seq_idx ON matching.offer_projections (seq)`);
    await q.query(`CREATE TABLE matching.suggestions (
      id uuid PRIMARY KEY,
      request_id uuid NOT NULL,
      offer_ids uuid[] NOT NULL,
      provider_ids uuid[] NOT NULL,
      combination_key text NOT NULL,
      country char(3) NOT NULL,
      cooperation_type varchar(16) NOT NULL,
      score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
      explanation jsonb NOT NULL,
      status varchar(16) NOT NULL CHECK (status IN ('proposed', 'accepted', 'rejected', 'superseded')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      decided_at timestamptz,
      decided_by text,
      reason text
    )`);
    // Two instances reconciling the same request can never both hold the same live proposal.
    await q.query(`CREATE UNIQUE INDEX suggestions_live_combination_uq
      ON matching.suggestions (request_id, combination_key) WHERE status = 'proposed'`);
    await q.query(`CREATE INDEX suggestions_request_idx ON matching.suggestions (request_id, status)`);
    await q.query(`CREATE INDEX suggestions_page_idx ON matching.suggestions (score DESC, id)`);
    await q.query(`CREATE INDEX suggestions_offer_ids_idx ON matching.suggestions USING gin (offer_ids)`);
    await q.query(`CREATE INDEX suggestions_provider_ids_idx ON matching.suggestions USING gin (provider_ids)`);
    await q.query(`CREATE INDEX suggestions_country_idx ON matching.suggestions (country)`);
    await q.query(`CREATE TABLE matching.suggestion_history (
      id bigserial PRIMARY KEY,
      suggestion_id uuid NOT NULL REFERENCES matching.suggestions (id),
      action varchar(16) NOT NULL CHECK (action IN ('proposed', 'accepted', 'rejected', 'superseded')),
      actor_sub text NOT NULL,
      actor_role varchar(16) NOT NULL,
      reason text,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX suggestion_history_suggestion_idx ON matching.suggestion_history (suggestion_id, id)`);
    await q.query(`CREATE TABLE matching.rejected_combinations (
      request_id uuid NOT NULL,
      combination_key text NOT NULL,
      suggestion_id uuid NOT NULL REFERENCES matching.suggestions (id),
      rejected_at timestamptz NOT NULL,
      PRIMARY KEY (request_id, combination_key)
    )`);
    await q.query(`CREATE TABLE matching.partnerships (
      id uuid PRIMARY KEY,
      suggestion_id uuid NOT NULL UNIQUE REFERENCES matching.suggestions (id),
      request_id uuid NOT NULL UNIQUE,
      offer_ids uuid[] NOT NULL,
      provider_ids uuid[] NOT NULL,
      country char(3) NOT NULL,
      cooperation_type varchar(16) NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX partnerships_page_idx ON matching.partnerships (created_at DESC, id)`);
    await q.query(`CREATE INDEX partnerships_offer_ids_idx ON matching.partnerships USING gin (offer_ids)`);
    await q.query(`CREATE INDEX partnerships_provider_ids_idx ON matching.partnerships USING gin (provider_ids)`);
    // One row per slot taken: the free slots of an offer are its slots minus these rows.
    await q.query(`CREATE TABLE matching.allocations (
      offer_id uuid NOT NULL,
      partnership_id uuid NOT NULL REFERENCES matching.partnerships (id),
      PRIMARY KEY (offer_id, partnership_id)
    )`);
    await q.query(`CREATE TABLE matching.pending_rematch (
      request_id uuid PRIMARY KEY,
      queued_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['pending_rematch', 'allocations', 'partnerships', 'rejected_combinations', 'suggestion_history',
      'suggestions', 'offer_projections', 'request_projections']) {
      await q.query(`DROP TABLE matching.${table}`);
    }
    await q.query(`DROP SEQUENCE matching.projection_seq`);
  }
}
