import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The licence behind one specialty; renewing it replaces the row. */
@Entity('volunteer_certificate')
export class Certificate {
  @PrimaryColumn({ name: 'volunteer_id' }) volunteerId: string;
  @PrimaryColumn({ name: 'category_code' }) categoryCode: string;
  @Column() name: string;
  @Column() number: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
