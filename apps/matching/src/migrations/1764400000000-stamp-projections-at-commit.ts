import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projection rows written with seq 0 are numbered by a deferred constraint trigger, i.e. at
 * commit, under the seq advisory lock (7301, 2) held until the commit completes: seq order is
 * commit order (projection-index.service.ts relies on it) while the lock is held only for the
 * commit itself, not from the first event of a batched transaction to its end.
 */
export class StampProjectionsAtCommit1764400000000 implements MigrationInterface {
  name = 'StampProjectionsAtCommit1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION matching.stamp_projection() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(7301, 2);
        IF TG_TABLE_NAME = 'request_projections' THEN
          UPDATE matching.request_projections SET seq = nextval('matching.projection_seq') WHERE id = NEW.id AND seq = 0;
        ELSE
          UPDATE matching.offer_projections SET seq = nextval('matching.projection_seq') WHERE id = NEW.id AND seq = 0;
        END IF;
        PERFORM pg_notify('capmatch_matching_projections', '');
        RETURN NULL;
      END $$`);
    for (const table of ['request_projections', 'offer_projections']) {
      await q.query(`CREATE CONSTRAINT TRIGGER ${table}_stamp AFTER INSERT OR UPDATE ON matching.${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.seq = 0) EXECUTE FUNCTION matching.stamp_projection()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER offer_projections_stamp ON matching.offer_projections`);
    await q.query(`DROP TRIGGER request_projections_stamp ON matching.request_projections`);
    await q.query(`DROP FUNCTION matching.stamp_projection()`);
  }
}
