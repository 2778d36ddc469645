import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('audit_record')
export class AuditRecord {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz', insert: false }) recordedAt: Date;
  /** The service that recorded it: gateway, or the domain service whose event brought it. */
  @Column() source: string;
  @Column({ name: 'actor_id' }) actorId: string;
  @Column({ name: 'actor_kind' }) actorKind: string;
  @Column({ name: 'actor_role' }) actorRole: string;
  /** The actor's scope: an admin reading the log sees the records of actors in their subtree. */
  @Column({ name: 'actor_org_path' }) orgPath: string;
  @Column() action: string;
  @Column({ name: 'resource_type' }) resourceType: string;
  @Column({ name: 'resource_id' }) resourceId: string;
  @Column({ type: 'text', nullable: true }) purpose: string | null;
  /** The HTTP status, for records the gateway makes of proxied changes. */
  @Column({ type: 'int', nullable: true }) status: number | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
}
