import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Allocation plans as computed (POST /v1/allocations), read back by GET and apply. */
export class CreateAllocationPlans1764800000000 implements MigrationInterface {
  name = 'CreateAllocationPlans1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE matching.allocation_plans (
      id uuid PRIMARY KEY,
      objective varchar(8) NOT NULL CHECK (objective IN ('total', 'fair')),
      request_ids uuid[],
      min_score double precision CHECK (min_score >= 0 AND min_score <= 1),
      items jsonb NOT NULL,
      unassigned jsonb NOT NULL,
      stats jsonb NOT NULL,
      optimal boolean NOT NULL,
      solve_ms integer NOT NULL CHECK (solve_ms >= 0),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE matching.allocation_plans`);
  }
}
