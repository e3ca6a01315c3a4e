import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CooperationTypeName, PartnershipConfirmation, PartnershipStatus } from '@capmatch/contracts';

/**
 * An accepted suggestion on its way to agreement (the saga, partnerships/README in the main
 * README). `reserved` and `held` say the offers service reserved its slots and the requests
 * service held the request; agreement needs both and every party's confirmation.
 */
@Entity({ schema: 'matching', name: 'partnerships' })
export class PartnershipEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'suggestion_id' }) suggestionId: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('uuid', { name: 'offer_ids', array: true }) offerIds: string[];
  @Column('uuid', { name: 'provider_ids', array: true }) providerIds: string[];
  @Column('char', { length: 3 }) country: string;
  @Column('varchar', { name: 'cooperation_type', length: 16 }) cooperationType: CooperationTypeName;
  @Column('varchar', { length: 16 }) status: PartnershipStatus;
  @Column('jsonb') confirmations: PartnershipConfirmation[];
  @Column('boolean') reserved: boolean;
  @Column('boolean') held: boolean;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'expires_at' }) expiresAt: Date;
  @Column('timestamptz', { name: 'agreed_at', nullable: true }) agreedAt: Date | null;
  @Column('timestamptz', { name: 'ended_at', nullable: true }) endedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
}
