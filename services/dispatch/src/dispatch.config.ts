import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class DispatchConfig {
  /** How long a partner unit's system has to answer an offer (its webhook channel). */
  @IsInt() @Min(50) @Max(86_400_000) DISPATCH_OFFER_TIMEOUT_MERCHANT_MS = 300_000;
  /** How long a volunteer has to answer an offer in the app. */
  @IsInt() @Min(50) @Max(86_400_000) DISPATCH_OFFER_TIMEOUT_VOLUNTEER_MS = 600_000;
  /** How often every instance scans the clock table; a clock due sooner also wakes it early. */
  @IsInt() @Min(10) @Max(60_000) DISPATCH_CLOCK_SCAN_MS = 1_000;
  /** How many providers an emergency is offered to at once. */
  @IsInt() @Min(1) @Max(10) DISPATCH_EMERGENCY_FANOUT = 3;
  /**
   * Ranking weights per district, as JSON of district code → factor → weight over the defaults
   * (quality 0.35, reliability 0.25, fairness 0.15, load 0.15, distance 0.1); quality must stay the
   * heaviest. Empty: the defaults everywhere.
   */
  @IsString() @MaxLength(10_000) DISPATCH_WEIGHTS = '';
  /** Names this instance on the offers it makes; empty means host, pid and a random suffix. */
  @Matches(/^[A-Za-z0-9._:-]{0,64}$/) @IsString() DISPATCH_INSTANCE_ID = '';
}

export const DISPATCH_CONFIG = Symbol('DISPATCH_CONFIG');
/** `DISPATCH_WEIGHTS` parsed at start-up: district code → the ranking weights there. */
export const DISTRICT_WEIGHTS = Symbol('DISTRICT_WEIGHTS');
