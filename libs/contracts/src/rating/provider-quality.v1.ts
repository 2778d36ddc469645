import { IsIn, IsInt, IsISO8601, IsNumber, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { PROVIDER_KINDS, type ProviderKind } from '../provider/provider-profile.v1';
import { defineEvent } from '../registry';
import { TOPICS } from '../topics';

/**
 * A provider's quality figures as the rating service computes them, sent whenever they change.
 * Rates are fractions in 0..1. A consumer keeps the snapshot with the highest `version`.
 */
export class ProviderQualityV1 {
  @IsString() @Length(1, 64) providerId: string;
  @IsIn(PROVIDER_KINDS) providerKind: ProviderKind;
  @IsInt() @Min(0) ratingsCount: number;
  /** Plain mean of the provider ratings in stars (1..5); absent while there are none. */
  @IsOptional() @IsNumber() @Min(1) @Max(5) meanStars?: number;
  /**
   * 0..1: the Bayesian average (C·m + Σ s) / (C + n) of the ratings normalised as s = (stars − 1) / 4,
   * shrunk towards the network's prior m with weight C, so a few ratings cannot outrank many.
   */
  @IsNumber() @Min(0) @Max(1) bayesianScore: number;
  /** Share of rated jobs rated satisfied (4★ or better). */
  @IsNumber() @Min(0) @Max(1) satisfactionRate: number;
  /** Share of assigned jobs accepted before their response deadline. */
  @IsNumber() @Min(0) @Max(1) responseRate: number;
  /** Share of jobs signed off before their resolution deadline. */
  @IsNumber() @Min(0) @Max(1) resolutionRate: number;
  /** Share of offers accepted rather than declined or left to expire. */
  @IsOptional() @IsNumber() @Min(0) @Max(1) acceptanceRate?: number;
  /** Share of jobs where the provider was on site within the agreed window. */
  @IsOptional() @IsNumber() @Min(0) @Max(1) onTimeRate?: number;
  /**
   * How many jobs each rate above was measured over (the rating service's last 90 days). A rate
   * measured over no job is sent as 0.5, neutral, and its count as 0.
   */
  @IsOptional() @IsInt() @Min(0) responseJobs?: number;
  @IsOptional() @IsInt() @Min(0) resolutionJobs?: number;
  @IsOptional() @IsInt() @Min(0) ratedJobs?: number;
  /** 0..1: the rating service's own blend, for public scorecards. */
  @IsNumber() @Min(0) @Max(1) composite: number;
  @IsISO8601() asOf: string;
  @IsInt() @Min(1) version: number;
}

export const ProviderQuality = defineEvent({
  type: 'bangbang.rating.provider-quality.v1',
  topic: TOPICS.rating,
  source: '/bangbang/rating',
  payload: ProviderQualityV1,
});
