import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('webhook_endpoint')
export class WebhookEndpoint {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() url: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: string[];
  @Column({ name: 'secret_sealed' }) secretSealed: string;
  @Column({ name: 'previous_secret_sealed', type: 'text', nullable: true }) previousSecretSealed: string | null;
  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true }) previousSecretUntil: Date | null;
  @Column() enabled: boolean;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: string | null;
  /** Since the first failure after the last success; cleared by a success. */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true }) failingSince: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true }) deletedAt: Date | null;
}
