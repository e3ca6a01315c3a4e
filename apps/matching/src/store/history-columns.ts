import { Column, PrimaryGeneratedColumn } from 'typeorm';

/** What every audit-trail row says: who (token subject and role, or a service), when, why. */
export abstract class HistoryColumns {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('text', { name: 'actor_sub' }) actorSub: string;
  @Column('varchar', { name: 'actor_role', length: 16 }) actorRole: string;
  @Column('text', { nullable: true }) reason: string | null;
  @Column('timestamptz') at: Date;
}
