import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Slots are reserved for pending partnerships and released when one ends: an allocation row
 * now also records its release. `remainingSlots` stays `slots` − live (unreleased) allocations.
 */
export class Reservations1764500000000 implements MigrationInterface {
  name = 'Reservations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE offers.offer_allocations ADD COLUMN released_at timestamptz`);
    await q.query(`CREATE INDEX offer_allocations_partnership_idx ON offers.offer_allocations (partnership_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX offers.offer_allocations_partnership_idx`);
    await q.query(`ALTER TABLE offers.offer_allocations DROP COLUMN released_at`);
  }
}
