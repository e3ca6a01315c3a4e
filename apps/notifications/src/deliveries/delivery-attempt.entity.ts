import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AttemptOutcome = 'delivered' | 'retrying' | 'failed';

/** One POST to a receiver (or one refused before sending), as GET /v1/webhooks/{id}/deliveries lists it. */
@Entity({ schema: 'notifications', name: 'delivery_attempts' })
export class DeliveryAttemptEntity {
  @PrimaryColumn('bigint') id: string;
  @Column('uuid', { name: 'delivery_id' }) deliveryId: string;
  @Column('uuid', { name: 'webhook_id' }) webhookId: string;
  @Column('uuid', { name: 'event_id' }) eventId: string;
  @Column('text', { name: 'event_type' }) eventType: string;
  @Column('integer') attempt: number;
  @Column('varchar', { length: 16 }) outcome: AttemptOutcome;
  @Column('integer', { name: 'status_code', nullable: true }) statusCode: number | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('integer', { name: 'duration_ms' }) durationMs: number;
  @Column('timestamptz', { name: 'started_at' }) startedAt: Date;
  @Column('timestamptz', { name: 'next_attempt_at', nullable: true }) nextAttemptAt: Date | null;
}
