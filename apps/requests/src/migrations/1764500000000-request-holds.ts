import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The request's audit trail also shows the partnership saga: holds, refused holds, releases. */
export class RequestHolds1764500000000 implements MigrationInterface {
  name = 'RequestHolds1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE requests.request_history DROP CONSTRAINT IF EXISTS request_history_action_check`);
    await q.query(`ALTER TABLE requests.request_history ADD CONSTRAINT request_history_action_check
      CHECK (action IN ('submitted', 'updated', 'withdrawn', 'matched', 'partnership-ignored', 'held', 'hold-refused', 'released'))`);
    // One entry per (request, partnership, step) now that a partnership has several steps.
    await q.query(`DROP INDEX requests.request_history_partnership_uq`);
    await q.query(`CREATE UNIQUE INDEX request_history_partnership_uq
      ON requests.request_history (request_id, partnership_id, action) WHERE partnership_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM requests.request_history WHERE action IN ('held', 'hold-refused', 'released')`);
    await q.query(`DROP INDEX requests.request_history_partnership_uq`);
    await q.query(`CREATE UNIQUE INDEX request_history_partnership_uq
      ON requests.request_history (request_id, partnership_id) WHERE partnership_id IS NOT NULL`);
    await q.query(`ALTER TABLE requests.request_history DROP CONSTRAINT request_history_action_check`);
    await q.query(`ALTER TABLE requests.request_history ADD CONSTRAINT request_history_action_check
      CHECK (action IN ('submitted', 'updated', 'withdrawn', 'matched', 'partnership-ignored'))`);
  }
}
