import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';
import { PROVIDER_KINDS, type ProviderKind } from '../provider/provider-profile.v1';

const source = '/bangbang/request';

/** What every request fact carries so consumers can scope and count without a lookup. */
export class RequestFactV1 {
  @IsUUID() requestId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsISO8601() at: string;
}

export class RequestAnsweredV1 extends RequestFactV1 {
  @IsString() @Length(1, 64) answeredBy: string;
}

export const CANCELLED_BY = ['resident', 'agent', 'admin'] as const;

export class RequestCancelledV1 extends RequestFactV1 {
  @IsIn(CANCELLED_BY) by: (typeof CANCELLED_BY)[number];
  @IsString() @Length(1, 500) reason: string;
}

export const SIGN_OFF_CHANNELS = ['code', 'follow_up'] as const;

export class RequestSignedOffV1 extends RequestFactV1 {
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsIn(SIGN_OFF_CHANNELS) via: (typeof SIGN_OFF_CHANNELS)[number];
  /** Whether the resident says the problem is fixed. */
  @IsBoolean() solved: boolean;
  @IsIn(['free', 'low_cost']) feePolicy: 'free' | 'low_cost';
  @IsOptional() @IsISO8601() arrivedAt?: string;
  @IsOptional() @IsISO8601() completedAt?: string;
  @IsISO8601() resolutionDueAt: string;
  /**
   * Lower-case hex SHA-256 of the resident's one-time rating token. The token itself goes only
   * to the resident, by SMS; the rating service checks a submitted token against this hash.
   */
  @IsOptional() @Matches(/^[0-9a-f]{64}$/) ratingTokenHash?: string;
}

export class RequestReopenedV1 extends RequestFactV1 {
  @IsString() @Length(1, 500) reason: string;
  /** The provider whose work is redone, so dispatch can prefer (or avoid) them. */
  @IsOptional() @IsString() @MaxLength(64) previousProviderId?: string;
}

export class RequestClosedV1 extends RequestFactV1 {}

export const RequestAnswered = defineEvent({
  type: 'bangbang.request.answered.v1',
  topic: TOPICS.request,
  source,
  payload: RequestAnsweredV1,
});
export const RequestCancelled = defineEvent({
  type: 'bangbang.request.cancelled.v1',
  topic: TOPICS.request,
  source,
  payload: RequestCancelledV1,
});
export const RequestSignedOff = defineEvent({
  type: 'bangbang.request.signed-off.v1',
  topic: TOPICS.request,
  source,
  payload: RequestSignedOffV1,
});
export const RequestReopened = defineEvent({
  type: 'bangbang.request.reopened.v1',
  topic: TOPICS.request,
  source,
  payload: RequestReopenedV1,
});
export const RequestClosed = defineEvent({ type: 'bangbang.request.closed.v1', topic: TOPICS.request, source, payload: RequestClosedV1 });
