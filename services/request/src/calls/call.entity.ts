import type { CallDirection, CallOutcome, HangupCause } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CallEntry } from './call-rules';

/** One call through a PBX, inbound or outbound, with its timeline of PBX reports. */
@Entity('call')
export class Call {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'pbx_id', type: 'uuid' }) pbxId: string;
  /** The PBX's own id for the call. */
  @Column({ name: 'pbx_call_id' }) pbxCallId: string;
  /** The caller's household's, else the PBX's district. */
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'pbx_org_path' }) pbxOrgPath: string;
  @Column({ type: 'text' }) direction: CallDirection;
  /** The other party (the caller, or whom an agent called) as E.164 digits, or as the PBX sent it when it is not a phone number. */
  @Column({ type: 'text', nullable: true }) number: string | null;
  @Column({ name: 'household_id', type: 'uuid', nullable: true }) householdId: string | null;
  @Column({ name: 'street_code', type: 'text', nullable: true }) streetCode: string | null;
  @Column({ name: 'community_code', type: 'text', nullable: true }) communityCode: string | null;
  @Column({ type: 'jsonb' }) timeline: CallEntry[];
  @Column() blocked: boolean;
  @Column({ name: 'arrived_at', type: 'timestamptz' }) arrivedAt: Date;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_by', type: 'text', nullable: true }) answeredBy: string | null;
  @Column({ name: 'answered_extension', type: 'text', nullable: true }) answeredExtension: string | null;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ type: 'text', nullable: true }) cause: HangupCause | null;
  @Column({ type: 'text', nullable: true }) outcome: CallOutcome | null;
  /** For an outbound call: the callback it returns. */
  @Column({ name: 'callback_id', type: 'uuid', nullable: true }) callbackId: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
