import { Column, Entity, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_TEMPLATES = [
  'intake',
  'assigned',
  'completed',
  'sign_off_request',
  'rating_link',
  'booking_code',
  'status_link',
] as const;
export type NotificationTemplate = (typeof NOTIFICATION_TEMPLATES)[number];

/** A message to a resident, queued in the transaction of the change it reports. */
@Entity('notification')
export class Notification {
  @PrimaryColumn('uuid') id: string;
  /** Null for a message sent before there is a request (the online booking code). */
  @Column({ name: 'request_id', type: 'uuid', nullable: true }) requestId: string | null;
  @Column() recipient: string;
  @Column({ type: 'text' }) template: NotificationTemplate;
  /** What may be read: secrets (codes, rating tokens) replaced by `[redacted]`. */
  @Column() body: string;
  /** The whole message sealed with NOTIFICATION_KEY while it waits, if it has secrets; null once sent. */
  @Column({ name: 'sealed_body', type: 'text', nullable: true }) sealedBody: string | null;
  @Column() status: 'pending' | 'sent';
  @Column() attempts: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
}
