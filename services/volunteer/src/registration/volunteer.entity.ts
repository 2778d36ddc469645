import type { AvailabilityV1 } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { VolunteerStatus } from '../profile/provider-profile';

/** A volunteer, keyed by the gateway principal id they sign in with; placed in their home community. */
@Entity('volunteer')
export class Volunteer {
  @PrimaryColumn() id: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ type: 'text' }) status: VolunteerStatus;
  @Column({ type: 'jsonb' }) availability: AvailabilityV1;
  @Column({ name: 'paused_until', type: 'timestamptz', nullable: true }) pausedUntil: Date | null;
  @Column({ name: 'max_concurrent_jobs', type: 'int' }) maxConcurrentJobs: number;
  /** The volunteer's own limits on jobs per day and per week; null for none. */
  @Column({ name: 'max_jobs_per_day', type: 'int', nullable: true }) maxJobsPerDay: number | null;
  @Column({ name: 'max_jobs_per_week', type: 'int', nullable: true }) maxJobsPerWeek: number | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason: string | null;
  @Column({ name: 'reviewed_by', type: 'text', nullable: true }) reviewedBy: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'applied_at', type: 'timestamptz' }) appliedAt: Date;
  @Column({ name: 'profile_version', type: 'int' }) profileVersion: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
