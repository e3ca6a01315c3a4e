import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Origin, ProviderKind } from '@capmatch/taxonomy';

/**
 * The organisation behind offers. Providers are never edited after registration: offers carry
 * their origin, and an origin that moved under existing offers would silently change which
 * cooperation types those offers can take part in.
 */
@Entity({ schema: 'offers', name: 'providers' })
export class ProviderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ProviderKind;

  /** ISO 3166-1 alpha-3; null for international organisations and development banks. */
  @Column({ type: 'char', length: 3, nullable: true })
  country: string | null;

  /** Derived once from kind and country classification (taxonomy originOf). */
  @Column({ type: 'varchar', length: 16 })
  origin: Origin;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
