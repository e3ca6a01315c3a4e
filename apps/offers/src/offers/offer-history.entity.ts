import { Column, Entity, PrimaryColumn } from 'typeorm';

export const HISTORY_ACTIONS = [
  'published', 'updated', 'withdrawn', 'slot-allocated', 'allocation-refused',
  'slot-reserved', 'reservation-refused', 'slot-released', 'partnership-agreed',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

/** The audit trail of one offer: who (subject and role), when, what changed, and why. */
@Entity({ schema: 'offers', name: 'offer_history' })
export class OfferHistoryEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  /** The offer's version after the entry (unchanged for a refused allocation). */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 32 })
  action: HistoryAction;

  /** Token subject, or the event id's source for changes that came from another service. */
  @Column({ name: 'actor_sub', type: 'varchar', length: 200 })
  actorSub: string;

  /** The caller's role, or `system` for changes made on an event. */
  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole: string;

  @Column({ type: 'jsonb' })
  changes: FieldChange[];

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'partnership_id', type: 'uuid', nullable: true })
  partnershipId: string | null;

  @Column({ name: 'event_id', type: 'uuid', nullable: true })
  eventId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
