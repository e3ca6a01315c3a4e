import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CooperationTypeName, ExplanationEntry, SuggestionStatus } from '@capmatch/contracts';

/** A proposed combination of a request and one offer (or two, triangular) and its decision. */
@Entity({ schema: 'matching', name: 'suggestions' })
export class SuggestionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column('uuid', { name: 'offer_ids', array: true }) offerIds: string[];
  /** Kept on the row so a donor's visibility is one indexed test, with no join. */
  @Column('uuid', { name: 'provider_ids', array: true }) providerIds: string[];
  @Column('text', { name: 'combination_key' }) combinationKey: string;
  @Column('char', { length: 3 }) country: string;
  @Column('varchar', { name: 'cooperation_type', length: 16 }) cooperationType: CooperationTypeName;
  @Column('double precision') score: number;
  @Column('jsonb') explanation: ExplanationEntry[];
  @Column('varchar', { length: 16 }) status: SuggestionStatus;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column('text', { name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column('text', { nullable: true }) reason: string | null;
}
