import { Column, Entity, PrimaryColumn } from 'typeorm';

export const HISTORY_ACTIONS = [
  'submitted', 'updated', 'withdrawn', 'matched', 'partnership-ignored', 'held', 'hold-refused', 'released',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

/** Role of whoever caused a change: a token role, or `system` for changes caused by events. */
export type ActorRole = 'country' | 'donor' | 'coordinator' | 'admin' | 'system';

/** Values are plain JSON (snapshot fields). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** One entry of a request's audit trail: who, when, what (field-level diff), why. */
@Entity({ schema: 'requests', name: 'request_history' })
export class RequestHistoryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  /** Insertion order: entries of one instant still list in the order they were written. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'request_id', type: 'uuid' })
  requestId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 32 })
  action: HistoryAction;

  @Column({ name: 'actor_sub', type: 'text' })
  actorSub: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 16 })
  actorRole: ActorRole;

  @Column({ type: 'jsonb' })
  changes: FieldChange[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** The request's version after this entry (unchanged for entries that change nothing). */
  @Column({ type: 'integer' })
  version: number;

  /** The partnership behind an event-caused entry; keeps the handler idempotent by state. */
  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;
}
