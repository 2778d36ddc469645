import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A number the PBX is told to reject, why, until when, and who decided; lifted blocks stay as the record. */
@Entity('cti_blocked_number')
export class BlockedNumber {
  @PrimaryColumn('uuid') id: string;
  /** E.164 digits without the plus, as phone numbers are kept everywhere. */
  @Column() number: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() reason: string;
  @Column({ name: 'blocked_by' }) blockedBy: string;
  @Column({ name: 'blocked_at', type: 'timestamptz' }) blockedAt: Date;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'lifted_at', type: 'timestamptz', nullable: true }) liftedAt: Date | null;
  @Column({ name: 'lifted_by', type: 'text', nullable: true }) liftedBy: string | null;
}
