import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CooperationTypeName, RequestClassification, RequestStatus } from '@capmatch/contracts';

/** Postgres `numeric` comes back as a string; budgets are plain JSON numbers in the contract. */
const numericToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** One country's capacity-building need. Indexes and checks are declared in the migration. */
@Entity({ schema: 'requests', name: 'requests' })
export class RequestEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'char', length: 3 })
  country: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 3 })
  language: string;

  @Column({ name: 'capacity_areas', type: 'text', array: true })
  capacityAreas: string[];

  @Column({ type: 'text', array: true })
  modalities: string[];

  @Column({ type: 'smallint', array: true })
  sdgs: number[];

  @Column({ name: 'target_groups', type: 'text', array: true })
  targetGroups: string[];

  @Column({ name: 'delivery_languages', type: 'text', array: true })
  deliveryLanguages: string[];

  @Column({ name: 'cooperation_types', type: 'text', array: true })
  cooperationTypes: CooperationTypeName[];

  @Column({ name: 'budget_usd', type: 'numeric', nullable: true, transformer: numericToNumber })
  budgetUsd: number | null;

  /** `date` columns come back as YYYY-MM-DD strings (TypeORM does not turn them into Dates). */
  @Column({ name: 'window_start', type: 'date' })
  windowStart: string;

  @Column({ name: 'window_end', type: 'date' })
  windowEnd: string;

  @Column({ name: 'national_strategy_ref', type: 'varchar', length: 500, nullable: true })
  nationalStrategyRef: string | null;

  @Column({ type: 'varchar', length: 6 })
  priority: 'high' | 'medium' | 'low';

  @Column({ type: 'varchar', length: 9 })
  status: RequestStatus;

  /** The country's classification on the submission date, frozen with the request. */
  @Column({ type: 'jsonb' })
  classification: RequestClassification;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Maintained by the service: +1 on every change, equal to the version of the event it causes. */
  @Column({ type: 'integer' })
  version: number;
}
