import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Which partnerships took (or tried to take) a slot of which offer. The primary key makes one
 * partnership take at most one slot of an offer even if it is re-sent under another event id,
 * which the inbox (keyed by event id) cannot see.
 */
@Entity({ schema: 'offers', name: 'offer_allocations' })
export class OfferAllocationEntity {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @PrimaryColumn({ name: 'partnership_id', type: 'uuid' })
  partnershipId: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  /** False when the offer had no slot left: recorded so a re-send is not judged again. */
  @Column({ type: 'boolean' })
  applied: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** When the partnership ended and gave the slot back; null while it holds it. */
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt: Date | null;
}
