import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AllocationObjective, PlanFigures, PlanItem } from '@capmatch/engine/allocation';

/** A computed allocation plan, kept as answered so GET and apply see exactly what was proposed. */
@Entity({ schema: 'matching', name: 'allocation_plans' })
export class AllocationPlanEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('varchar', { length: 8 }) objective: AllocationObjective;
  /** The requestIds the caller restricted the plan to; null for every open request. */
  @Column('uuid', { name: 'request_ids', array: true, nullable: true }) requestIds: string[] | null;
  @Column('double precision', { name: 'min_score', nullable: true }) minScore: number | null;
  @Column('jsonb') items: PlanItem[];
  /** The engine's reasons, and 'not-open' for a named request that is not open or has a pending partnership. */
  @Column('jsonb') unassigned: Array<{ requestId: string; reason: string }>;
  @Column('jsonb') stats: PlanFigures & { greedy: PlanFigures };
  @Column('boolean') optimal: boolean;
  @Column('integer', { name: 'solve_ms' }) solveMs: number;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
