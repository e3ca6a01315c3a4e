import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A rejection may carry a structured reason code (capacity-mismatch, language-mismatch,
 * provider-unsuitable, budget, timing, other) beside its free-text reason; the engine narrows
 * the request's later suggestions by it (libs/engine/src/rules/rejections.ts). Older rows have
 * none, which means what it always meant: only that combination stays away.
 */
export class RejectionReasonCode1764512300000 implements MigrationInterface {
  name = 'RejectionReasonCode1764512300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching.rejected_combinations ADD COLUMN reason_code varchar(24)
      CHECK (reason_code IN ('capacity-mismatch', 'language-mismatch', 'provider-unsuitable', 'budget', 'timing', 'other'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE matching.rejected_combinations DROP COLUMN reason_code`);
  }
}
