import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An organised public-benefit activity (patrol, mediation, elder visits…) with a time, a place and a capacity. */
@Entity('activity')
export class Activity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column('uuid', { name: 'team_id', nullable: true }) teamId: string | null;
  @Column() title: string;
  @Column() place: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt: Date;
  @Column({ type: 'int' }) capacity: number;
  @Column({ name: 'points_per_hour', type: 'int' }) pointsPerHour: number;
  @Column({ name: 'created_by' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

@Entity('activity_signup')
export class ActivitySignup {
  @PrimaryColumn('uuid', { name: 'activity_id' }) activityId: string;
  @PrimaryColumn({ name: 'volunteer_id' }) volunteerId: string;
  @Column({ name: 'signed_up_at', type: 'timestamptz' }) signedUpAt: Date;
  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true }) checkedInAt: Date | null;
  @Column({ name: 'checked_in_by', type: 'text', nullable: true }) checkedInBy: string | null;
  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true }) checkedOutAt: Date | null;
  @Column({ name: 'checked_out_by', type: 'text', nullable: true }) checkedOutBy: string | null;
  @Column({ type: 'int', nullable: true }) minutes: number | null;
}
