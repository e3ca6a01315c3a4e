import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the fake service's handlers record: one row per handled event, in handling order. */
@Entity({ schema: 'matching', name: 'bus_probe' })
export class ProbeEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  seq: number;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ name: 'aggregate_id', type: 'text' })
  aggregateId: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'correlation_id', type: 'text', nullable: true })
  correlationId: string | null;
}

export class CreateProbe1764000000001 implements MigrationInterface {
  name = 'CreateProbe1764000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE matching.bus_probe (
      seq serial PRIMARY KEY, event_id uuid NOT NULL, type text NOT NULL, aggregate_id text NOT NULL,
      version integer NOT NULL, correlation_id text)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE matching.bus_probe');
  }
}
