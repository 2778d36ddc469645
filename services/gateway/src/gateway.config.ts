import { IsInt, IsString, IsUrl, Max, Min } from 'class-validator';

const url = () => IsUrl({ require_tld: false, protocols: ['http', 'https'] });

export class GatewayConfig {
  @IsInt() @Min(60) @Max(3_600) ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
  @IsInt() @Min(300) @Max(90 * 24 * 3_600) REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3_600;
  /** Tokens minted for a merchant API key live only as long as one proxied call needs. */
  @IsInt() @Min(30) @Max(900) API_KEY_TOKEN_TTL_SECONDS = 120;

  /** A signing key signs for this long, then a new one takes over; the old one stays published. */
  @IsInt() @Min(1) @Max(365) SIGNING_KEY_ROTATION_DAYS = 30;
  /**
   * A new key is published this long before it signs, so that services whose JWKS cache predates
   * it (jose refetches at most every 30 s) already know it when its first token arrives.
   */
  @IsInt() @Min(0) @Max(3_600) SIGNING_KEY_PUBLISH_AHEAD_SECONDS = 120;

  @IsInt() @Min(1) @Max(100) LOCKOUT_MAX_FAILURES = 5;
  @IsInt() @Min(10) @Max(86_400) LOCKOUT_WINDOW_SECONDS = 15 * 60;
  @IsInt() @Min(10) @Max(86_400) LOCKOUT_DURATION_SECONDS = 15 * 60;

  @url() REQUEST_URL = 'http://127.0.0.1:3001';
  @url() DISPATCH_URL = 'http://127.0.0.1:3002';
  @url() MERCHANT_URL = 'http://127.0.0.1:3003';
  @url() VOLUNTEER_URL = 'http://127.0.0.1:3004';
  @url() RATING_URL = 'http://127.0.0.1:3005';
  @IsInt() @Min(100) @Max(300_000) UPSTREAM_TIMEOUT_MS = 10_000;

  /** The built console (index.html and assets/); empty: dist/console of this build. */
  @IsString() CONSOLE_DIR = '';

  /** Token buckets: a burst capacity and a steady refill rate, per user, per API key, per client IP. */
  @IsInt() @Min(1) RATE_LIMIT_USER_BURST = 60;
  @IsInt() @Min(1) RATE_LIMIT_USER_PER_MINUTE = 600;
  @IsInt() @Min(1) RATE_LIMIT_API_KEY_BURST = 120;
  @IsInt() @Min(1) RATE_LIMIT_API_KEY_PER_MINUTE = 1_200;
  /** Unauthenticated traffic (public routes, login) is limited much harder, per client IP. */
  @IsInt() @Min(1) RATE_LIMIT_PUBLIC_BURST = 20;
  @IsInt() @Min(1) RATE_LIMIT_PUBLIC_PER_MINUTE = 60;
}
