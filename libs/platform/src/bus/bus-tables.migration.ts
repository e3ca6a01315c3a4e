import type { MigrationInterface, QueryRunner } from 'typeorm';
import { quoteSchema } from './bus.constants';

type MigrationClass = new () => MigrationInterface;

function schemaOf(queryRunner: QueryRunner, fixed?: string): string {
  const schema = fixed ?? (queryRunner.connection.options as { schema?: string }).schema;
  if (!schema) throw new Error('BusTables needs a schema: set `schema` on the DataSource or use busMigration(schema)');
  return quoteSchema(schema);
}

/**
 * The outbox and inbox of one service. `seq` gives the relay a commit-compatible order: the
 * producer locks the aggregate's row before it writes the event, so two events of one
 * aggregate get increasing `seq` in commit order. The inbox keeps (aggregate, version) so a
 * consumer can refuse an event older than one it already applied.
 */
export function busMigration(fixedSchema?: string): MigrationClass {
  return class BusTables1764000000000 implements MigrationInterface {
    name = 'BusTables1764000000000';

    async up(queryRunner: QueryRunner): Promise<void> {
      const s = schemaOf(queryRunner, fixedSchema);
      await queryRunner.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
      await queryRunner.query(`CREATE TABLE ${s}.outbox (
        seq bigserial PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        type text NOT NULL,
        aggregate_id text NOT NULL,
        version integer NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text,
        occurred_at timestamptz NOT NULL,
        relayed_at timestamptz
      )`);
      await queryRunner.query(`CREATE INDEX outbox_unrelayed_idx ON ${s}.outbox (seq) WHERE relayed_at IS NULL`);
      await queryRunner.query(`CREATE INDEX outbox_relayed_at_idx ON ${s}.outbox (relayed_at) WHERE relayed_at IS NOT NULL`);
      await queryRunner.query(`CREATE TABLE ${s}.inbox (
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        aggregate_id text NOT NULL,
        version integer NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer, event_id)
      )`);
      await queryRunner.query(`CREATE INDEX inbox_aggregate_idx ON ${s}.inbox (consumer, aggregate_id, version DESC)`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      const s = schemaOf(queryRunner, fixedSchema);
      await queryRunner.query(`DROP TABLE ${s}.inbox`);
      await queryRunner.query(`DROP TABLE ${s}.outbox`);
    }
  };
}

/**
 * The outbox records what caused each event (`causationId` in the envelope): the id of the
 * event whose handler wrote it, absent for a user's own action. Consumers use it to tell an
 * echo of their own decision from news.
 */
export function outboxCausationMigration(fixedSchema?: string): MigrationClass {
  return class OutboxCausation1764000000002 implements MigrationInterface {
    name = 'OutboxCausation1764000000002';

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner, fixedSchema)}.outbox ADD COLUMN causation_id text`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE ${schemaOf(queryRunner, fixedSchema)}.outbox DROP COLUMN causation_id`);
    }
  };
}

/** Reads the schema from the DataSource options (`schema: 'requests'`). */
export const BusTables1764000000000 = busMigration();

/** The platform's migrations, to be run before each service's own. */
export const busMigrations: MigrationClass[] = [BusTables1764000000000, outboxCausationMigration()];
