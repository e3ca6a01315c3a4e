import type { OfferEligibility, OfferStatus } from '@capmatch/contracts';
import type { OfferRole, Origin, TechnologyTransferTerms } from '@capmatch/taxonomy';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** pg returns numeric as a string to keep precision; budgets fit a double with 2 decimals. */
const numericToNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * One offer. `origin` is stored, not recomputed, so a later reclassification of the provider's
 * country does not silently change offers already published (and already matched).
 * `slots - remainingSlots` is the number of partnerships that used a slot.
 */
@Entity({ schema: 'offers', name: 'offers' })
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @Column({ type: 'varchar', length: 16 })
  origin: Origin;

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

  @Column({ type: 'integer', array: true })
  sdgs: number[];

  @Column({ name: 'target_groups', type: 'text', array: true })
  targetGroups: string[];

  @Column({ name: 'delivery_languages', type: 'text', array: true })
  deliveryLanguages: string[];

  @Column({ type: 'jsonb' })
  eligibility: OfferEligibility;

  @Column({ type: 'integer' })
  slots: number;

  @Column({ name: 'remaining_slots', type: 'integer' })
  remainingSlots: number;

  @Column({ name: 'budget_usd', type: 'numeric', precision: 15, scale: 2, nullable: true, transformer: numericToNumber })
  budgetUsd: number | null;

  @Column({ type: 'varchar', length: 16 })
  role: OfferRole;

  @Column({ name: 'window_start', type: 'date' })
  windowStart: string;

  @Column({ name: 'window_end', type: 'date' })
  windowEnd: string;

  @Column({ name: 'open_source', type: 'boolean' })
  openSource: boolean;

  @Column({ name: 'technology_transfer_terms', type: 'varchar', length: 32, nullable: true })
  technologyTransferTerms: TechnologyTransferTerms | null;

  /** Always true: the attestation is kept with the offer as given (the preamble of 78/311). */
  @Column({ name: 'civilian_use_only', type: 'boolean' })
  civilianUseOnly: true;

  @Column({ type: 'varchar', length: 16 })
  status: OfferStatus;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'integer' })
  version: number;
}
