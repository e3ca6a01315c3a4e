import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The requests table and its audit trail. Hand-written so the checks and indexes say what the
 * service relies on: GIN indexes serve the `capacityArea` and `sdg` list filters (array
 * containment), and (created_at DESC, id) serves the newest-first cursor pagination.
 */
export class CreateRequests1764100000000 implements MigrationInterface {
  name = 'CreateRequests1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS requests`);
    await q.query(`
      CREATE TABLE requests.requests (
        id uuid PRIMARY KEY,
        country char(3) NOT NULL,
        title varchar(200) NOT NULL,
        description text NOT NULL,
        language varchar(3) NOT NULL,
        capacity_areas text[] NOT NULL,
        modalities text[] NOT NULL,
        sdgs smallint[] NOT NULL DEFAULT '{}',
        target_groups text[] NOT NULL DEFAULT '{}',
        delivery_languages text[] NOT NULL,
        cooperation_types text[] NOT NULL,
        budget_usd numeric NULL CHECK (budget_usd >= 0),
        window_start date NOT NULL,
        window_end date NOT NULL,
        national_strategy_ref varchar(500) NULL,
        priority varchar(6) NOT NULL CHECK (priority IN ('high', 'medium', 'low')),
        status varchar(9) NOT NULL CHECK (status IN ('open', 'matched', 'withdrawn')),
        classification jsonb NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        CONSTRAINT requests_window_check CHECK (window_start <= window_end),
        CONSTRAINT requests_capacity_areas_check CHECK (cardinality(capacity_areas) BETWEEN 1 AND 20),
        CONSTRAINT requests_modalities_check CHECK (cardinality(modalities) BETWEEN 1 AND 20),
        CONSTRAINT requests_delivery_languages_check CHECK (cardinality(delivery_languages) BETWEEN 1 AND 20)
      )`);
    await q.query(`CREATE INDEX requests_created_at_id_idx ON requests.requests (created_at DESC, id)`);
    await q.query(`CREATE INDEX requests_country_created_at_idx ON requests.requests (country, created_at DESC)`);
    await q.query(`CREATE INDEX requests_status_created_at_idx ON requests.requests (status, created_at DESC)`);
    await q.query(`CREATE INDEX requests_capacity_areas_gin ON requests.requests USING gin (capacity_areas)`);
    await q.query(`CREATE INDEX requests_sdgs_gin ON requests.requests USING gin (sdgs)`);
    await q.query(`
      CREATE TABLE requests.request_history (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL UNIQUE,
        request_id uuid NOT NULL REFERENCES requests.requests (id) ON DELETE CASCADE,
        at timestamptz NOT NULL,
        action varchar(32) NOT NULL
          CHECK (action IN ('submitted', 'updated', 'withdrawn', 'matched', 'partnership-ignored')),
        actor_sub text NOT NULL,
        actor_role varchar(16) NOT NULL,
        changes jsonb NOT NULL,
        reason text NULL,
        version integer NOT NULL,
        partnership_id uuid NULL
      )`);
    await q.query(`CREATE INDEX request_history_request_id_seq_idx ON requests.request_history (request_id, seq)`);
    // One entry per (request, partnership): a re-published partnership.created finds it and stops.
    await q.query(`
      CREATE UNIQUE INDEX request_history_partnership_uq
        ON requests.request_history (request_id, partnership_id) WHERE partnership_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS requests.request_history`);
    await q.query(`DROP TABLE IF EXISTS requests.requests`);
  }
}
