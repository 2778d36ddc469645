import { IsBoolean, IsInt, IsString, IsUrl, Max, Min, MinLength, ValidateIf } from 'class-validator';

const DEVELOPMENT_NOTIFICATION_KEY = 'bangbang-local-development-only-notification-key';

export class RequestConfig {
  /** Development conveniences are opt-in: `npm start` and the test harness set BANGBANG_DEV=1. */
  @IsBoolean() BANGBANG_DEV = false;
  /** Seals the codes and links of messages waiting to be sent; required unless BANGBANG_DEV. */
  @ValidateIf((c: RequestConfig) => c.NOTIFICATION_KEY !== '') @IsString() @MinLength(16) NOTIFICATION_KEY = '';
  /** Where SMS go (POST JSON); empty means the log notifier, for local runs. */
  @ValidateIf((c: RequestConfig) => c.SMS_GATEWAY_URL !== '')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  SMS_GATEWAY_URL = '';
  /** Queued texts wake the sender (pg_notify); the poll only catches a lost notification. */
  @IsInt() @Min(10) @Max(60_000) NOTIFY_POLL_MS = 10_000;
  @IsInt() @Min(1) @Max(1_000) NOTIFY_BATCH_SIZE = 50;
  /** Numbers texted at once; one number's texts go out in turn. */
  @IsInt() @Min(1) @Max(200) NOTIFY_CONCURRENCY = 16;
  @IsInt() @Min(10) NOTIFY_RETRY_INITIAL_MS = 1_000;
  @IsInt() @Min(10) NOTIFY_RETRY_MAX_MS = 300_000;
  @IsInt() @Min(100) @Max(60_000) NOTIFY_TIMEOUT_MS = 5_000;
  /** Days a sent text keeps its wording (what the resident was told); then only who, when and which template stay. */
  @IsInt() @Min(1) @Max(3_650) NOTIFICATION_BODY_RETENTION_DAYS = 90;
  @IsInt() @Min(1_000) @Max(86_400_000) NOTIFICATION_PRUNE_MS = 3_600_000;
  @IsInt() @Min(1) @Max(24 * 14) SIGN_OFF_CODE_TTL_HOURS = 72;
  @IsInt() @Min(100) CLOSE_SWEEP_MS = 60_000;
  /**
   * The residents' rating page through the gateway; the SMS after sign-off links to
   * `<this>/rate/<requestId>?token=<one-time token>`, and the page posts the rating with that token
   * to the rating service's `POST /api/rating/public/ratings/<requestId>`.
   */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  RATING_LINK_BASE_URL = 'http://127.0.0.1:3000/api/rating/public';
  /**
   * The residents' status page; a resident who books online is texted `<this>/<requestId>?token=…`,
   * a link signed with a key derived from NOTIFICATION_KEY that opens `GET /public/requests/:id/status`.
   */
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  STATUS_LINK_BASE_URL = 'http://127.0.0.1:3000/m/status';
  @IsInt() @Min(1) @Max(366) STATUS_LINK_TTL_DAYS = 30;
  /** Working minutes to return a missed or abandoned call (see calls/callback-deadline.ts). */
  @IsInt() @Min(1) @Max(7 * 24 * 60) CALLBACK_DEADLINE_MINUTES = 30;
  /** The callback desk's working hours, China time, every day: calls missed outside them are due after the next opening. */
  @IsInt() @Min(0) @Max(23) CALLBACK_WORK_START_HOUR = 8;
  @IsInt() @Min(1) @Max(24) CALLBACK_WORK_END_HOUR = 20;
  /** How often overdue callbacks are looked for and escalated. */
  @IsInt() @Min(100) @Max(3_600_000) CALLBACK_SWEEP_MS = 30_000;
  /** The public address of the Open311 endpoint, as discovery.json announces it. */
  @IsString() OPEN311_BASE_URL = 'http://127.0.0.1:3000/api/request/open311/v2';
}

export const REQUEST_CONFIG = Symbol('REQUEST_CONFIG');

/** The config, refusing to run without a sealing key unless BANGBANG_DEV says this is a developer's machine. */
export function checkedRequestConfig(config: RequestConfig): RequestConfig {
  if (config.CALLBACK_WORK_START_HOUR >= config.CALLBACK_WORK_END_HOUR) {
    throw new Error('CALLBACK_WORK_START_HOUR must be before CALLBACK_WORK_END_HOUR');
  }
  if (config.BANGBANG_DEV) {
    if (!config.NOTIFICATION_KEY) config.NOTIFICATION_KEY = DEVELOPMENT_NOTIFICATION_KEY;
    return config;
  }
  if (!config.NOTIFICATION_KEY || config.NOTIFICATION_KEY === DEVELOPMENT_NOTIFICATION_KEY) {
    throw new Error('NOTIFICATION_KEY must be set (16+ random characters); only BANGBANG_DEV=1 runs without one');
  }
  return config;
}
