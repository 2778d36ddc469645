import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EligibilityReason } from './fee-rules';

@Entity('fee_eligibility')
export class FeeEligibility {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ type: 'text' }) reason: EligibilityReason;
  @Column() evidence: string;
  @Column({ name: 'valid_from', type: 'timestamptz' }) validFrom: Date;
  @Column({ name: 'valid_until', type: 'timestamptz' }) validUntil: Date;
  @Column({ name: 'granted_by' }) grantedBy: string;
  @Column({ name: 'granted_at', type: 'timestamptz' }) grantedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'text', nullable: true }) revokedBy: string | null;
}
