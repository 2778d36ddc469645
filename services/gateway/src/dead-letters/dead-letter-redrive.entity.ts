import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A dead letter put back on its topic: Kafka keeps the record in `<topic>.dlq`, this says it was redriven. */
@Entity('dead_letter_redrive')
export class DeadLetterRedrive {
  @PrimaryColumn() topic: string;
  @PrimaryColumn('int') partition: number;
  @PrimaryColumn({ name: 'dlq_offset', type: 'bigint' }) dlqOffset: string;
  @Column({ name: 'event_id', type: 'text', nullable: true }) eventId: string | null;
  @Column({ name: 'redriven_by' }) redrivenBy: string;
  @Column({ name: 'redriven_at', type: 'timestamptz' }) redrivenAt: Date;
  @Column() reason: string;
}
