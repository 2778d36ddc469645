import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A volunteer's view of dispatch's offers to them, kept from dispatch's facts. */
@Entity('offer_view')
export class OfferView {
  @PrimaryColumn('uuid', { name: 'offer_id' }) offerId: string;
  @Column('uuid', { name: 'request_id' }) requestId: string;
  @Column({ name: 'volunteer_id' }) volunteerId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ type: 'text', nullable: true }) urgency: string | null;
  @Column({ name: 'fee_policy', type: 'text', nullable: true }) feePolicy: string | null;
  @Column({ type: 'text', nullable: true }) summary: string | null;
  @Column() status: string;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
