import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { PROVIDER_KINDS, type ProviderKind } from '../provider/provider-profile.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

const source = '/bangbang/dispatch';

/** Every dispatch fact names the job (its request) and where it is, for scoping and counting. */
export class JobFactV1 {
  @IsUUID() requestId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsISO8601() at: string;
}

export class ProviderJobFactV1 extends JobFactV1 {
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
}

export class OfferFactV1 extends ProviderJobFactV1 {
  @IsUUID() offerId: string;
}

export class JobOfferedV1 extends OfferFactV1 {
  @IsISO8601() expiresAt: string;
  /** Whether the job is free for the resident: the provider learns that, never why. */
  @IsIn(['free', 'low_cost']) feePolicy: 'free' | 'low_cost';
  @IsIn(['emergency', 'utilities', 'general', 'complex']) urgency: string;
  /** No longer sent: before assignment a provider learns none of the resident's words. Earlier events may have it. */
  @IsOptional() @IsString() @MaxLength(2000) summary?: string;
}

export class OfferDeclinedV1 extends OfferFactV1 {
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
}

export const WITHDRAWN_BECAUSE = ['taken', 'cancelled', 'reassigned'] as const;

export class OfferWithdrawnV1 extends OfferFactV1 {
  @IsIn(WITHDRAWN_BECAUSE) because: (typeof WITHDRAWN_BECAUSE)[number];
}

export class JobAssignedV1 extends ProviderJobFactV1 {
  @IsString() @Length(1, 128) providerName: string;
  /** Set when staff assigned by hand, with why. */
  @IsOptional() @IsString() @MaxLength(64) assignedBy?: string;
  @IsOptional() @IsString() @MaxLength(500) reason?: string;
  @IsISO8601() responseDueAt: string;
}

export class JobReassignedV1 extends JobAssignedV1 {
  @IsString() @Length(1, 64) previousProviderId: string;
}

export const ESCALATION_LEVELS = ['street', 'district', 'manual'] as const;

export class JobEscalatedV1 extends JobFactV1 {
  @IsIn(ESCALATION_LEVELS) level: (typeof ESCALATION_LEVELS)[number];
  @IsString() @Length(1, 500) reason: string;
}

export class JobCompletedV1 extends ProviderJobFactV1 {
  @IsOptional() @IsString() @MaxLength(2000) notes?: string;
  /** In fen (0.01 yuan); 0 for a free job. */
  @IsInt() @Min(0) priceChargedFen: number;
}

export class ProviderCancelledV1 extends ProviderJobFactV1 {
  @IsString() @Length(1, 500) reason: string;
}

export class DeadlineBreachedV1 extends JobFactV1 {
  @IsIn(['response', 'resolution']) deadline: 'response' | 'resolution';
  @IsISO8601() dueAt: string;
  @IsOptional() @IsString() @MaxLength(64) providerId?: string;
  @IsOptional() @IsBoolean() manualQueue?: boolean;
}

const topic = TOPICS.dispatch;
export const JobOffered = defineEvent({ type: 'bangbang.dispatch.offered.v1', topic, source, payload: JobOfferedV1 });
export const OfferAccepted = defineEvent({ type: 'bangbang.dispatch.accepted.v1', topic, source, payload: OfferFactV1 });
export const OfferDeclined = defineEvent({ type: 'bangbang.dispatch.declined.v1', topic, source, payload: OfferDeclinedV1 });
export const OfferExpired = defineEvent({ type: 'bangbang.dispatch.expired.v1', topic, source, payload: OfferFactV1 });
export const OfferWithdrawn = defineEvent({ type: 'bangbang.dispatch.withdrawn.v1', topic, source, payload: OfferWithdrawnV1 });
export const JobAssigned = defineEvent({ type: 'bangbang.dispatch.assigned.v1', topic, source, payload: JobAssignedV1 });
export const JobReassigned = defineEvent({ type: 'bangbang.dispatch.reassigned.v1', topic, source, payload: JobReassignedV1 });
export const JobEscalated = defineEvent({ type: 'bangbang.dispatch.escalated.v1', topic, source, payload: JobEscalatedV1 });
export const JobOnSite = defineEvent({ type: 'bangbang.dispatch.on-site.v1', topic, source, payload: ProviderJobFactV1 });
export const JobCompleted = defineEvent({ type: 'bangbang.dispatch.completed.v1', topic, source, payload: JobCompletedV1 });
export const JobProviderCancelled = defineEvent({
  type: 'bangbang.dispatch.provider-cancelled.v1',
  topic,
  source,
  payload: ProviderCancelledV1,
});
export const DeadlineBreached = defineEvent({ type: 'bangbang.dispatch.deadline-breached.v1', topic, source, payload: DeadlineBreachedV1 });
