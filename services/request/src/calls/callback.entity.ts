import type { CallbackReason } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CALLBACK_STATUSES = ['open', 'done', 'withdrawn'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

/**
 * A caller to ring back: opened by a missed or abandoned call, done by an answered outbound call
 * (or an agent saying so), withdrawn when a late report shows the call was answered after all.
 * Further missed calls from the same number join the open callback rather than opening another.
 */
@Entity('callback')
export class Callback {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'call_id', type: 'uuid' }) callId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'street_code', type: 'text', nullable: true }) streetCode: string | null;
  @Column({ name: 'community_code', type: 'text', nullable: true }) communityCode: string | null;
  @Column({ type: 'text' }) reason: CallbackReason;
  @Column({ type: 'text' }) status: CallbackStatus;
  @Column({ name: 'missed_calls', type: 'int' }) missedCalls: number;
  /** Outbound calls made to return it. */
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true }) doneAt: Date | null;
  @Column({ name: 'done_by', type: 'text', nullable: true }) doneBy: string | null;
  @Column({ name: 'return_call_id', type: 'uuid', nullable: true }) returnCallId: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'escalated_at', type: 'timestamptz', nullable: true }) escalatedAt: Date | null;
  @Column({ name: 'escalation_level', type: 'text', nullable: true }) escalationLevel: 'street' | 'district' | null;
}
