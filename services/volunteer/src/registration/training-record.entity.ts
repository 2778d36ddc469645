import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TrainingModule } from '../profile/provider-profile';

@Entity('training_record')
export class TrainingRecord {
  @PrimaryColumn({ name: 'volunteer_id' }) volunteerId: string;
  @PrimaryColumn({ type: 'text' }) module: TrainingModule;
  @Column({ name: 'completed_on', type: 'date' }) completedOn: string;
  @Column({ name: 'recorded_by' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
