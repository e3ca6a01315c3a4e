import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partnerships become a saga (pending → agreed | declined | cancelled | expired) with their own
 * audit trail. Partnerships made before this change were final the moment a coordinator
 * accepted, and the offers and requests services already counted them: they become `agreed`,
 * reserved and held, with one history entry saying so. Matching's own slot counts
 * (`allocations`, `used_slots`) and its `matched_here` flag go: the offers and requests services
 * own those facts, and matching learns them from their events.
 */
export class PartnershipSaga1764500000000 implements MigrationInterface {
  name = 'PartnershipSaga1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching.partnerships DROP CONSTRAINT IF EXISTS partnerships_request_id_key`);
    await q.query(`ALTER TABLE matching.partnerships
      ADD COLUMN status varchar(16) NOT NULL DEFAULT 'agreed'
        CHECK (status IN ('pending', 'agreed', 'declined', 'cancelled', 'expired')),
      ADD COLUMN confirmations jsonb NOT NULL DEFAULT '[]',
      ADD COLUMN reserved boolean NOT NULL DEFAULT true,
      ADD COLUMN held boolean NOT NULL DEFAULT true,
      ADD COLUMN reason text,
      ADD COLUMN expires_at timestamptz,
      ADD COLUMN agreed_at timestamptz,
      ADD COLUMN ended_at timestamptz,
      ADD COLUMN updated_at timestamptz,
      ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`UPDATE matching.partnerships SET expires_at = created_at, agreed_at = created_at, updated_at = created_at`);
    await q.query(`ALTER TABLE matching.partnerships
      ALTER COLUMN status DROP DEFAULT, ALTER COLUMN reserved DROP DEFAULT, ALTER COLUMN held DROP DEFAULT,
      ALTER COLUMN expires_at SET NOT NULL, ALTER COLUMN updated_at SET NOT NULL`);
    // At most one live partnership per request; ended ones stay for the record.
    await q.query(`CREATE UNIQUE INDEX partnerships_live_request_uq ON matching.partnerships (request_id)
      WHERE status IN ('pending', 'agreed')`);
    await q.query(`CREATE INDEX partnerships_request_idx ON matching.partnerships (request_id)`);
    await q.query(`CREATE TABLE matching.partnership_history (
      id bigserial PRIMARY KEY,
      partnership_id uuid NOT NULL REFERENCES matching.partnerships (id),
      action varchar(32) NOT NULL,
      actor_sub text NOT NULL,
      actor_role varchar(16) NOT NULL,
      reason text,
      event_id uuid,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX partnership_history_partnership_idx ON matching.partnership_history (partnership_id, id)`);
    await q.query(`CREATE INDEX partnership_history_event_idx ON matching.partnership_history (event_id) WHERE event_id IS NOT NULL`);
    await q.query(`INSERT INTO matching.partnership_history (partnership_id, action, actor_sub, actor_role, reason, at)
      SELECT id, 'agreed', created_by, 'system', 'made before partnerships needed both parties; migrated as agreed', now()
      FROM matching.partnerships`);
    await q.query(`DROP TABLE matching.allocations`);
    await q.query(`ALTER TABLE matching.offer_projections DROP COLUMN used_slots`);
    await q.query(`ALTER TABLE matching.request_projections DROP COLUMN matched_here`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching.request_projections ADD COLUMN matched_here boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE matching.offer_projections ADD COLUMN used_slots integer NOT NULL DEFAULT 0`);
    await q.query(`CREATE TABLE matching.allocations (
      offer_id uuid NOT NULL, partnership_id uuid NOT NULL REFERENCES matching.partnerships (id),
      PRIMARY KEY (offer_id, partnership_id))`);
    await q.query(`DROP TABLE matching.partnership_history`);
    await q.query(`DELETE FROM matching.partnerships WHERE status <> 'agreed'`);
    await q.query(`DROP INDEX matching.partnerships_live_request_uq`);
    await q.query(`DROP INDEX matching.partnerships_request_idx`);
    await q.query(`ALTER TABLE matching.partnerships DROP COLUMN status, DROP COLUMN confirmations, DROP COLUMN reserved,
      DROP COLUMN held, DROP COLUMN reason, DROP COLUMN expires_at, DROP COLUMN agreed_at, DROP COLUMN ended_at,
      DROP COLUMN updated_at, DROP COLUMN version`);
    await q.query(`ALTER TABLE matching.partnerships ADD CONSTRAINT partnerships_request_id_key UNIQUE (request_id)`);
  }
}
