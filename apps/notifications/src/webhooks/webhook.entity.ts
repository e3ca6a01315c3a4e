import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@capmatch/platform';

/** A receiver registered by one user; it gets the subscribed events its owner may see. */
@Entity({ schema: 'notifications', name: 'webhooks' })
export class WebhookEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'owner_sub' }) ownerSub: string;
  @Column('varchar', { name: 'owner_role', length: 16 }) ownerRole: Role;
  @Column('char', { name: 'owner_country', length: 3, nullable: true }) ownerCountry: string | null;
  @Column('uuid', { name: 'owner_provider_id', nullable: true }) ownerProviderId: string | null;
  @Column('text') url: string;
  @Column('text', { array: true }) events: string[];
  @Column('text', { nullable: true }) description: string | null;
  /** Sealed by SecretBox; never answered after the registration. */
  @Column('text', { select: false }) secret: string;
  @Column('boolean') enabled: boolean;
  @Column('timestamptz', { name: 'failing_since', nullable: true }) failingSince: Date | null;
  @Column('timestamptz', { name: 'disabled_at', nullable: true }) disabledAt: Date | null;
  @Column('text', { name: 'disabled_reason', nullable: true }) disabledReason: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('integer') version: number;
}
