import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `idempotency_keys` table in a service's schema. A factory, because every service owns its
 * schema; the timestamp in the name sorts it before every service migration.
 */
export function idempotencyKeysMigration(schema: string): new () => MigrationInterface {
  return class PlatformIdempotencyKeys1764000000100 implements MigrationInterface {
    name = 'PlatformIdempotencyKeys1764000000100';

    async up(q: QueryRunner): Promise<void> {
      await q.query(`
        CREATE TABLE "${schema}"."idempotency_keys" (
          "key" varchar(255) NOT NULL,
          "caller" varchar(255) NOT NULL,
          "fingerprint" char(64) NOT NULL,
          "status_code" integer,
          "body" jsonb,
          "created_at" timestamptz NOT NULL DEFAULT now(),
          "expires_at" timestamptz NOT NULL,
          CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("caller", "key")
        )`);
      await q.query(`CREATE INDEX "idx_idempotency_keys_expires_at" ON "${schema}"."idempotency_keys" ("expires_at")`);
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${schema}"."idempotency_keys"`);
    }
  };
}
