import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One message to one endpoint, with its retry schedule: the sender's durable queue. */
@Entity('webhook_delivery')
export class WebhookDelivery {
  @PrimaryColumn('uuid') id: string;
  /** The `webhook-id` header: the same on every attempt and replay, so receivers can deduplicate. */
  @Column({ name: 'message_id' }) messageId: string;
  @Column('uuid', { name: 'endpoint_id' }) endpointId: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'event_type' }) eventType: string;
  /** Exactly the bytes that are signed and sent. */
  @Column() body: string;
  @Column({ type: 'text' }) status: DeliveryStatus;
  @Column({ type: 'int' }) attempts: number;
  /** Attempts made in the current round of the schedule (a replay starts a new round). */
  @Column({ type: 'int' }) step: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz', nullable: true }) nextAttemptAt: Date | null;
  @Column({ name: 'last_status_code', type: 'int', nullable: true }) lastStatusCode: number | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
}

@Entity('webhook_attempt')
export class WebhookAttempt {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('uuid', { name: 'delivery_id' }) deliveryId: string;
  @Column({ type: 'int' }) attempt: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'latency_ms', type: 'int' }) latencyMs: number;
  @Column({ name: 'status_code', type: 'int', nullable: true }) statusCode: number | null;
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column() outcome: string;
}
