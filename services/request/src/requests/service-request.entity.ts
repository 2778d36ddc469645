import type { FeePolicy, ProviderKind, RequestKind, Urgency } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequestStatus } from '../lifecycle/request-state';

export const CHANNELS = ['hotline', 'booking', 'open311'] as const;
export type Channel = (typeof CHANNELS)[number];

const time = (name: string) => Column({ name, type: 'timestamptz', nullable: true });

@Entity('service_request')
export class ServiceRequest {
  @PrimaryColumn('uuid') id: string;
  @Column() number: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column({ name: 'resident_id', type: 'uuid', nullable: true }) residentId: string | null;
  @Column({ name: 'community_code' }) communityCode: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ type: 'text' }) kind: RequestKind;
  @Column({ type: 'text' }) urgency: Urgency;
  @Column({ name: 'fee_policy', type: 'text' }) feePolicy: FeePolicy;
  @Column() description: string;
  @Column({ type: 'text' }) channel: Channel;
  @Column({ name: 'open311_client_id', type: 'uuid', nullable: true }) open311ClientId: string | null;
  /** Answers to the category's extra questions (Open311 attributes), by attribute code. */
  @Column({ type: 'jsonb' }) attributes: Record<string, string | string[]>;
  @time('preferred_from') preferredFrom: Date | null;
  @time('preferred_to') preferredTo: Date | null;
  @Column({ name: 'chosen_provider_id', type: 'text', nullable: true }) chosenProviderId: string | null;
  @Column({ type: 'text' }) status: RequestStatus;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'provider_id', type: 'text', nullable: true }) providerId: string | null;
  @Column({ name: 'provider_kind', type: 'text', nullable: true }) providerKind: ProviderKind | null;
  @Column({ name: 'provider_name', type: 'text', nullable: true }) providerName: string | null;
  @Column({ name: 'escalation_level', type: 'text', nullable: true }) escalationLevel: string | null;
  @Column({ name: 'price_charged_fen', type: 'int', nullable: true }) priceChargedFen: number | null;
  @Column({ type: 'boolean', nullable: true }) solved: boolean | null;
  @Column({ name: 'reopen_count' }) reopenCount: number;
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @Column({ name: 'response_due_at', type: 'timestamptz' }) responseDueAt: Date;
  @Column({ name: 'resolution_due_at', type: 'timestamptz' }) resolutionDueAt: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @time('assigned_at') assignedAt: Date | null;
  @time('arrived_at') arrivedAt: Date | null;
  @time('completed_at') completedAt: Date | null;
  @time('signed_off_at') signedOffAt: Date | null;
  @time('closed_at') closedAt: Date | null;
  /** Time of the newest dispatch or rating fact applied: older facts arriving late are ignored. */
  @time('last_fact_at') lastFactAt: Date | null;
  /** Taken over from a district's previous system: its name and the record's id there. */
  @Column({ name: 'import_source', type: 'text', nullable: true }) importSource: string | null;
  @Column({ name: 'import_ref', type: 'text', nullable: true }) importRef: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  /** The call the request was taken on (intake during a call). */
  @Column({ name: 'call_id', type: 'uuid', nullable: true }) callId: string | null;
}

@Entity('request_timeline')
export class TimelineEntry {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'actor_kind' }) actorKind: string;
  @Column({ name: 'actor_id' }) actorId: string;
  @Column() action: string;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus: string | null;
  @Column({ name: 'to_status' }) toStatus: string;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
