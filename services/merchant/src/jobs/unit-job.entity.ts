import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A job as one unit saw it, from dispatch's, request's and rating's facts: for webhooks, price checks and credit. */
@Entity('unit_job')
export class UnitJob {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId: string;
  @PrimaryColumn('uuid', { name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  /** Whether the unit holds the job now (assigned and neither cancelled, reassigned nor finished). */
  @Column() holding: boolean;
  @Column({ name: 'fee_policy', type: 'text', nullable: true }) feePolicy: 'free' | 'low_cost' | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ name: 'on_site_at', type: 'timestamptz', nullable: true }) onSiteAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'price_charged_fen', type: 'int', nullable: true }) priceChargedFen: number | null;
  @Column({ name: 'overcharge_flagged' }) overchargeFlagged: boolean;
  @Column({ name: 'signed_off_at', type: 'timestamptz', nullable: true }) signedOffAt: Date | null;
  @Column({ name: 'finished_on_time', type: 'boolean', nullable: true }) finishedOnTime: boolean | null;
  @Column({ name: 'deadline_breached' }) deadlineBreached: boolean;
  @Column({ name: 'redo_count', type: 'int' }) redoCount: number;
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true }) cancelledAt: Date | null;
}
