import { Column, Entity } from 'typeorm';
import { HistoryColumns } from './history-columns';

export const PARTNERSHIP_ACTIONS = [
  'proposed', 'reserved', 'held', 'confirmed', 'agreed', 'declined', 'cancelled', 'expired',
] as const;
export type PartnershipAction = (typeof PARTNERSHIP_ACTIONS)[number];

/** One step of a partnership: who (token subject and role, or a service), when, why, and the event it emitted. */
@Entity({ schema: 'matching', name: 'partnership_history' })
export class PartnershipHistoryEntity extends HistoryColumns {
  @Column('uuid', { name: 'partnership_id' }) partnershipId: string;
  @Column('varchar', { length: 32 }) action: PartnershipAction;
  /** The event this step emitted: an event caused by it (an echo) is recognised by this id. */
  @Column('uuid', { name: 'event_id', nullable: true }) eventId: string | null;
}
