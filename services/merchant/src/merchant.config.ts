import { IsBoolean, IsInt, IsNumber, IsString, Max, Min, MinLength, ValidateIf } from 'class-validator';

const DEVELOPMENT_SECRET_KEY = 'bangbang-local-development-only-key';

export class MerchantConfig {
  /** Development conveniences are opt-in: `npm start` and the test harness set BANGBANG_DEV=1. */
  @IsBoolean() BANGBANG_DEV = false;
  /** Local tests only: lets webhooks go over http to loopback. Refused without BANGBANG_DEV. */
  @IsBoolean() WEBHOOK_ALLOW_LOCAL_HTTP = false;
  /** Multiplies the retry schedule (immediately, 5 s … 10 h); tests set it tiny. */
  @IsNumber() @Min(0) @Max(10) WEBHOOK_SCHEDULE_SCALE = 1;
  @IsInt() @Min(100) @Max(15_000) WEBHOOK_TIMEOUT_MS = 15_000;
  /** Queued deliveries wake the sender (pg_notify); the poll only catches a lost notification. */
  @IsInt() @Min(10) @Max(60_000) WEBHOOK_POLL_MS = 10_000;
  @IsInt() @Min(1) @Max(1_000) WEBHOOK_BATCH_SIZE = 100;
  @IsInt() @Min(1) @Max(256) WEBHOOK_CONCURRENCY = 32;
  /** Sending slots one unit may hold at once, so a hanging receiver cannot take everyone's. */
  @IsInt() @Min(1) @Max(256) WEBHOOK_UNIT_CONCURRENCY = 8;
  /** Endpoints per unit: each one multiplies the deliveries every fact costs. */
  @IsInt() @Min(1) @Max(100) WEBHOOK_MAX_ENDPOINTS = 5;
  /** An endpoint failing without a success for this long is disabled (5 days). */
  @IsInt() @Min(1_000) WEBHOOK_DISABLE_AFTER_MS = 5 * 86_400_000;
  /** How long the previous secret still signs after a rotation. */
  @IsInt() @Min(0) @Max(7 * 86_400_000) WEBHOOK_SECRET_OVERLAP_MS = 86_400_000;
  /** Key material for sealing endpoint secrets at rest; required unless BANGBANG_DEV. */
  @ValidateIf((c: MerchantConfig) => c.WEBHOOK_SECRET_KEY !== '') @IsString() @MinLength(16) WEBHOOK_SECRET_KEY = '';
  /** How long a rotated-out API key keeps working. */
  @IsInt() @Min(0) @Max(30 * 86_400_000) API_KEY_GRACE_MS = 86_400_000;
  /** Units whose credibility score falls below this are flagged for review. */
  @IsNumber() @Min(0) @Max(100) CREDIT_REVIEW_THRESHOLD = 60;
  @IsInt() @Min(100) MAINTENANCE_MS = 10_000;
}

export const MERCHANT_CONFIG = Symbol('MERCHANT_CONFIG');

/**
 * The config, refusing what is only safe on a developer's machine unless BANGBANG_DEV says this is
 * one: a deployment that forgets a setting fails to start rather than running open.
 */
export function checkedMerchantConfig(config: MerchantConfig): MerchantConfig {
  if (config.WEBHOOK_CONCURRENCY > 1 && config.WEBHOOK_UNIT_CONCURRENCY >= config.WEBHOOK_CONCURRENCY) {
    throw new Error('WEBHOOK_UNIT_CONCURRENCY must be below WEBHOOK_CONCURRENCY, or one unit can hold every sending slot');
  }
  if (config.BANGBANG_DEV) {
    if (!config.WEBHOOK_SECRET_KEY) config.WEBHOOK_SECRET_KEY = DEVELOPMENT_SECRET_KEY;
    return config;
  }
  if (config.WEBHOOK_ALLOW_LOCAL_HTTP) throw new Error('WEBHOOK_ALLOW_LOCAL_HTTP is a development setting and needs BANGBANG_DEV=1');
  if (!config.WEBHOOK_SECRET_KEY || config.WEBHOOK_SECRET_KEY === DEVELOPMENT_SECRET_KEY) {
    throw new Error('WEBHOOK_SECRET_KEY must be set (16+ random characters); only BANGBANG_DEV=1 runs without one');
  }
  return config;
}
