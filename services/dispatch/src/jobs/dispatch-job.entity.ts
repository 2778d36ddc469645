import type { FeePolicy, Urgency } from '@bangbang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('dispatch_job')
export class DispatchJob {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId: string;
  @Column({ name: 'request_number' }) requestNumber: string;
  @Column({ name: 'community_id' }) communityId: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ type: 'text' }) urgency: Urgency;
  @Column({ name: 'fee_policy', type: 'text' }) feePolicy: FeePolicy;
  @Column() state: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
}
