import type { FeePolicy, Urgency } from '@bangbang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('service_request')
export class ServiceRequest {
  @PrimaryColumn('uuid') id: string;
  @Column({ unique: true }) number: string;
  @Column({ name: 'community_id' }) communityId: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ type: 'text' }) urgency: Urgency;
  @Column({ name: 'fee_policy', type: 'text' }) feePolicy: FeePolicy;
  @Column({ type: 'text' }) description: string;
  @Column() status: string;
  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
}
