import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Providers, offers, their audit trail and slot allocations. Checks repeat the API's rules so a
 * bug in the service cannot store an offer with negative slots or a military-use offer.
 */
export class CreateOffers1764200000000 implements MigrationInterface {
  name = 'CreateOffers1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS offers`);
    await q.query(`CREATE TABLE offers.providers (
      id uuid PRIMARY KEY,
      name varchar(200) NOT NULL,
      kind varchar(32) NOT NULL,
      country char(3),
      origin varchar(16) NOT NULL CHECK (origin IN ('north', 'south', 'multilateral')),
      created_by varchar(200) NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL,
      CHECK ((kind IN ('multilateral', 'development-bank')) = (country IS NULL))
    )`);
    await q.query(`CREATE INDEX providers_page_idx ON offers.providers (created_at DESC, id)`);
    await q.query(`CREATE TABLE offers.offers (
      id uuid PRIMARY KEY,
      provider_id uuid NOT NULL REFERENCES offers.providers (id),
      origin varchar(16) NOT NULL CHECK (origin IN ('north', 'south', 'multilateral')),
      title varchar(200) NOT NULL,
      description text NOT NULL,
      language varchar(3) NOT NULL,
      capacity_areas text[] NOT NULL,
      modalities text[] NOT NULL,
      sdgs integer[] NOT NULL,
      target_groups text[] NOT NULL,
      delivery_languages text[] NOT NULL,
      eligibility jsonb NOT NULL,
      slots integer NOT NULL CHECK (slots >= 1),
      remaining_slots integer NOT NULL CHECK (remaining_slots >= 0 AND remaining_slots <= slots),
      budget_usd numeric(15, 2) CHECK (budget_usd >= 0),
      role varchar(16) NOT NULL CHECK (role IN ('provider', 'facilitator')),
      window_start date NOT NULL,
      window_end date NOT NULL CHECK (window_end >= window_start),
      open_source boolean NOT NULL,
      technology_transfer_terms varchar(32),
      civilian_use_only boolean NOT NULL CHECK (civilian_use_only),
      status varchar(16) NOT NULL CHECK (status IN ('open', 'exhausted', 'withdrawn')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(`CREATE INDEX offers_page_idx ON offers.offers (created_at DESC, id)`);
    await q.query(`CREATE INDEX offers_provider_idx ON offers.offers (provider_id, created_at DESC)`);
    await q.query(`CREATE INDEX offers_status_idx ON offers.offers (status, created_at DESC)`);
    await q.query(`CREATE INDEX offers_capacity_areas_idx ON offers.offers USING gin (capacity_areas)`);
    await q.query(`CREATE TABLE offers.offer_history (
      id uuid PRIMARY KEY,
      offer_id uuid NOT NULL REFERENCES offers.offers (id),
      version integer NOT NULL,
      action varchar(32) NOT NULL,
      actor_sub varchar(200) NOT NULL,
      actor_role varchar(32) NOT NULL,
      changes jsonb NOT NULL,
      reason text,
      partnership_id uuid,
      event_id uuid,
      occurred_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX offer_history_offer_idx ON offers.offer_history (offer_id, occurred_at, id)`);
    await q.query(`CREATE TABLE offers.offer_allocations (
      offer_id uuid NOT NULL REFERENCES offers.offers (id),
      partnership_id uuid NOT NULL,
      event_id uuid NOT NULL,
      applied boolean NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (offer_id, partnership_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE offers.offer_allocations`);
    await q.query(`DROP TABLE offers.offer_history`);
    await q.query(`DROP TABLE offers.offers`);
    await q.query(`DROP TABLE offers.providers`);
  }
}
