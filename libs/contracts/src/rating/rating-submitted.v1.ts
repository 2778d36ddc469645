import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Matches, Min } from 'class-validator';
import { UNIT_PATH } from '../directory/org-unit.v1';
import { PROVIDER_KINDS, type ProviderKind } from '../provider/provider-profile.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const RATING_TAGS = ['punctual', 'polite', 'tidy', 'price_as_quoted'] as const;
export const RATING_CHANNELS = ['public_link', 'follow_up_call'] as const;

/**
 * The resident's rating of one job: the help team and the provider are asked separately (满意,
 * 基本满意, 不满意). The comment stays in the rating service until an admin has screened it.
 */
export class RatingSubmittedV1 {
  @IsUUID() ratingId: string;
  @IsUUID() requestId: string;
  @Matches(UNIT_PATH) orgPath: string;
  @IsString() @Length(1, 64) categoryCode: string;
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsIn(SATISFACTION) team: Satisfaction;
  @IsIn(SATISFACTION) provider: Satisfaction;
  @IsBoolean() solved: boolean;
  @IsArray() @ArrayMaxSize(RATING_TAGS.length) @IsIn(RATING_TAGS, { each: true }) tags: string[];
  @IsIn(RATING_CHANNELS) channel: (typeof RATING_CHANNELS)[number];
  /**
   * Counts every rating of the job, across redo cycles; the newest replaces the last. The first
   * rating of each sign-off cycle is `submitted`, a correction within the cycle `amended`.
   */
  @IsInt() @Min(1) revision: number;
  @IsISO8601() ratedAt: string;
}

const source = '/bangbang/rating';
export const RatingSubmitted = defineEvent({
  type: 'bangbang.rating.submitted.v1',
  topic: TOPICS.rating,
  source,
  payload: RatingSubmittedV1,
});
export const RatingAmended = defineEvent({ type: 'bangbang.rating.amended.v1', topic: TOPICS.rating, source, payload: RatingSubmittedV1 });
