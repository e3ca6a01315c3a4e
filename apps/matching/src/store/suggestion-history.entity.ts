import { Column, Entity } from 'typeorm';
import { HistoryColumns } from './history-columns';

export type SuggestionAction = 'proposed' | 'accepted' | 'rejected' | 'superseded';

/** One state change of a suggestion: who (token subject and role, or the matcher), when, why. */
@Entity({ schema: 'matching', name: 'suggestion_history' })
export class SuggestionHistoryEntity extends HistoryColumns {
  @Column('uuid', { name: 'suggestion_id' }) suggestionId: string;
  @Column('varchar', { length: 16 }) action: SuggestionAction;
}
