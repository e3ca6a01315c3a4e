import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CooperationTypeName } from '@capmatch/contracts';

/** An accepted suggestion; it holds one slot of every offer in it (see allocations). */
@Entity({ schema: 'matching', name: 'partnerships' })
export class PartnershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'suggestion_id' }) suggestionId: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('uuid', { name: 'offer_ids', array: true }) offerIds: string[];
  @Column('uuid', { name: 'provider_ids', array: true }) providerIds: string[];
  @Column('char', { length: 3 }) country: string;
  @Column('varchar', { name: 'cooperation_type', length: 16 }) cooperationType: CooperationTypeName;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
