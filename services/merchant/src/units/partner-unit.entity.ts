import type { AvailabilityV1, PartnerUnitStatus } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const UNIT_KINDS = ['merchant', 'social_org'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

@Entity('partner_unit')
export class PartnerUnit {
  @PrimaryColumn('uuid') id: string;
  /** Where the unit is registered: the admins whose scope covers it look after it. */
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ type: 'text' }) kind: UnitKind;
  @Column({ name: 'legal_name' }) legalName: string;
  /** The verified name: the only one events, the directory and residents' SMS carry. */
  @Column({ name: 'display_name' }) displayName: string;
  /** A name the unit gave itself, waiting for an admin of its scope. */
  @Column({ name: 'pending_display_name', type: 'text', nullable: true }) pendingDisplayName: string | null;
  @Column({ name: 'licence_no' }) licenceNo: string;
  @Column({ name: 'contact_name' }) contactName: string;
  @Column({ name: 'contact_phone' }) contactPhone: string;
  @Column({ type: 'text', array: true }) coverage: string[];
  @Column({ name: 'service_hours', type: 'jsonb' }) serviceHours: AvailabilityV1;
  @Column({ name: 'max_concurrent_jobs', type: 'int' }) maxConcurrentJobs: number;
  @Column({ name: 'takes_free_jobs' }) takesFreeJobs: boolean;
  @Column({ type: 'text' }) status: PartnerUnitStatus;
  @Column({ name: 'status_reason' }) statusReason: string;
  /** Of the provider profile snapshot: bumped on every change dispatch must hear about. */
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
