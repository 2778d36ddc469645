import { IsInt, Matches, Max, Min } from 'class-validator';

export class RatingConfig {
  /** How long after sign-off the resident (or an agent for them) may rate: 7 days. */
  @IsInt() @Min(60) RATING_WINDOW_SECONDS = 7 * 24 * 3_600;
  /** A job still unrated this long after sign-off goes to the follow-up queue: 48 h. */
  @IsInt() @Min(1) FOLLOW_UP_AFTER_SECONDS = 48 * 3_600;
  @IsInt() @Min(50) @Max(600_000) FOLLOW_UP_POLL_MS = 10_000;
  @IsInt() @Min(1) @Max(10_000) FOLLOW_UP_BATCH_SIZE = 200;
  /**
   * How long after its counters first move a provider's quality is published: the changes of that
   * time go out as one `provider-quality.v1` (a job's life moves them three times). Also the most
   * a published quality lags behind.
   */
  @IsInt() @Min(0) @Max(600_000) PROVIDER_QUALITY_DELAY_MS = 5_000;
  @IsInt() @Min(1) @Max(10_000) PROVIDER_QUALITY_BATCH_SIZE = 200;
  /** Composite weights: response, resolution, satisfaction. */
  @Matches(/^\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*,\s*\d+(\.\d+)?\s*$/) COMPOSITE_WEIGHTS = '30,35,35';
}

export const RATING_CONFIG = Symbol('RATING_CONFIG');
