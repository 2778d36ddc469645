import type { FeePolicy, ProviderKind, Urgency } from '@bangbang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Rule } from '../matching/ranking';
import type { Level } from '../matching/org-scope';
import type { JobState } from './job-state';

export class FactorScoreView {
  /** 0..1. */
  score: number;
  reason: string;
}

/** Each factor the ranking weighed (a factor it could not judge, e.g. distance without coordinates, is absent). */
export class FactorScores {
  quality?: FactorScoreView;
  reliability?: FactorScoreView;
  fairness?: FactorScoreView;
  load?: FactorScoreView;
  distance?: FactorScoreView;
}

/** A provider that may take the job, where the ranking put it and why. */
export class CandidateView {
  rank: number;
  providerId: string;
  providerKind: ProviderKind;
  displayName: string;
  score: number;
  /** The resident's choice, or the provider whose work is redone: offered first. */
  preferred: boolean;
  factors: FactorScores;
}

/** A provider left out, with the hard rule it fails. */
export class ExcludedView {
  providerId: string;
  rule: Rule;
  reason: string;
}

/** The ranking made at one level of the ladder, as agents see it. */
export class StoredRanking {
  level: Level;
  scope: string;
  round: number;
  rankedAt: string;
  ranked: CandidateView[];
  excluded: ExcludedView[];
}

@Entity('dispatch_job')
export class DispatchJob {
  @PrimaryColumn('uuid', { name: 'request_id' }) requestId: string;
  @Column({ name: 'request_number' }) requestNumber: string;
  @Column({ name: 'community_id' }) communityId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'category_code' }) categoryCode: string;
  @Column({ type: 'text' }) urgency: Urgency;
  @Column({ name: 'fee_policy', type: 'text' }) feePolicy: FeePolicy;
  @Column({ type: 'text' }) state: JobState;
  /** The story's correlation id, carried onto the events that clocks cause later. */
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId: string | null;
  /** Rounded to about a kilometre (request.created.v2): enough to rank providers by distance. */
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @Column({ name: 'preferred_from', type: 'timestamptz', nullable: true }) preferredFrom: Date | null;
  @Column({ name: 'preferred_to', type: 'timestamptz', nullable: true }) preferredTo: Date | null;
  /** The resident's chosen provider, or the one whose work is redone: offered first. */
  @Column({ name: 'preferred_provider_id', type: 'text', nullable: true }) preferredProviderId: string | null;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt: Date;
  @Column({ name: 'response_due_at', type: 'timestamptz' }) responseDueAt: Date;
  @Column({ name: 'resolution_due_at', type: 'timestamptz' }) resolutionDueAt: Date;
  @Column({ type: 'text' }) level: Level;
  /** Bumped when a job is reopened: offers of earlier rounds no longer count as tried. */
  @Column({ type: 'int' }) round: number;
  @Column({ name: 'provider_id', type: 'text', nullable: true }) providerId: string | null;
  @Column({ name: 'provider_kind', type: 'text', nullable: true }) providerKind: ProviderKind | null;
  @Column({ name: 'provider_name', type: 'text', nullable: true }) providerName: string | null;
  /** Who held the job before it was re-dispatched, so the next holder is announced as a reassignment. */
  @Column({ name: 'previous_provider_id', type: 'text', nullable: true }) previousProviderId: string | null;
  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true }) assignedAt: Date | null;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ name: 'on_site_at', type: 'timestamptz', nullable: true }) onSiteAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  @Column({ name: 'price_charged_fen', type: 'int', nullable: true }) priceChargedFen: number | null;
  @Column({ name: 'completion_notes', type: 'text', nullable: true }) completionNotes: string | null;
  @Column({ name: 'manual_reason', type: 'text', nullable: true }) manualReason: string | null;
  @Column({ name: 'response_breached_at', type: 'timestamptz', nullable: true }) responseBreachedAt: Date | null;
  @Column({ name: 'resolution_breached_at', type: 'timestamptz', nullable: true }) resolutionBreachedAt: Date | null;
  @Column({ type: 'jsonb' }) rankings: StoredRanking[];
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
