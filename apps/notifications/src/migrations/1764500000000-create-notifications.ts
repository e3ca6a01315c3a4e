import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications service's tables: webhooks (secrets sealed, see secret-box.ts), the offer
 * projection that says which provider an offer belongs to, one delivery per (event, webhook),
 * written in the transaction that handles the event, and every attempt of each delivery.
 */
export class CreateNotifications1764500000000 implements MigrationInterface {
  name = 'CreateNotifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS notifications`);
    await q.query(`CREATE TABLE notifications.webhooks (
      id uuid PRIMARY KEY,
      owner_sub text NOT NULL,
      owner_role varchar(16) NOT NULL CHECK (owner_role IN ('country', 'donor', 'coordinator', 'admin')),
      owner_country char(3),
      owner_provider_id uuid,
      url text NOT NULL,
      events text[] NOT NULL,
      description text,
      secret text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      failing_since timestamptz,
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1
    )`);
    await q.query(`CREATE INDEX webhooks_owner_idx ON notifications.webhooks (owner_sub, created_at DESC, id)`);
    await q.query(`CREATE INDEX webhooks_events_idx ON notifications.webhooks USING gin (events) WHERE enabled`);
    await q.query(`CREATE TABLE notifications.offers (
      id uuid PRIMARY KEY,
      provider_id uuid NOT NULL,
      version integer NOT NULL
    )`);
    await q.query(`CREATE TABLE notifications.deliveries (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL,
      webhook_id uuid NOT NULL REFERENCES notifications.webhooks (id) ON DELETE CASCADE,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      body text NOT NULL,
      occurred_at timestamptz NOT NULL,
      status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed', 'skipped')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      queued_at timestamptz,
      finished_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (event_id, webhook_id)
    )`);
    // The dispatcher's outbox: deliveries written but not yet handed to BullMQ.
    await q.query(`CREATE INDEX deliveries_unqueued_idx ON notifications.deliveries (seq) WHERE queued_at IS NULL`);
    await q.query(`CREATE INDEX deliveries_finished_idx ON notifications.deliveries (finished_at) WHERE finished_at IS NOT NULL`);
    await q.query(`CREATE INDEX deliveries_webhook_idx ON notifications.deliveries (webhook_id)`);
    await q.query(`CREATE INDEX deliveries_pending_idx ON notifications.deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE notifications.delivery_attempts (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES notifications.deliveries (id) ON DELETE CASCADE,
      webhook_id uuid NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      attempt integer NOT NULL,
      outcome varchar(16) NOT NULL CHECK (outcome IN ('delivered', 'retrying', 'failed')),
      status_code integer,
      error text,
      duration_ms integer NOT NULL,
      started_at timestamptz NOT NULL,
      next_attempt_at timestamptz,
      UNIQUE (delivery_id, attempt)
    )`);
    await q.query(`CREATE INDEX delivery_attempts_webhook_idx ON notifications.delivery_attempts (webhook_id, started_at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications.delivery_attempts`);
    await q.query(`DROP TABLE notifications.deliveries`);
    await q.query(`DROP TABLE notifications.offers`);
    await q.query(`DROP TABLE notifications.webhooks`);
  }
}
