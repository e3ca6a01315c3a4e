import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type SuggestionAction = 'proposed' | 'accepted' | 'rejected' | 'superseded';

/** One state change of a suggestion: who (token subject and role, or the matcher), when, why. */
@Entity({ schema: 'matching', name: 'suggestion_history' })
export class SuggestionHistoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'suggestion_id' }) suggestionId: string;
  @Column('varchar', { length: 16 }) action: SuggestionAction;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('varchar', { name: 'actor_role', length: 16 }) actorRole: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz') at: Date;
}
