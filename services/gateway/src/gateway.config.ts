import { IsBoolean, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { IsUrlList } from '@bangbang/observability';

export class GatewayConfig {
  /** Development conveniences are opt-in: `npm start` and the test harness set BANGBANG_DEV=1. */
  @IsBoolean() BANGBANG_DEV = false;
  @IsInt() @Min(60) @Max(3_600) ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
  @IsInt() @Min(300) @Max(90 * 24 * 3_600) REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3_600;
  /**
   * A refresh token presented again this soon after its use gets a new pair of its family: the
   * answer to the first use was lost (a reload or a dropped connection mid-refresh), and ending the
   * family would sign the agent out. A later reuse is taken as a stolen token and ends the family;
   * 0 ends it on any reuse.
   */
  @IsInt() @Min(0) @Max(60) REFRESH_REUSE_GRACE_SECONDS = 10;
  /** Tokens minted for a merchant API key live only as long as one proxied call needs. */
  @IsInt() @Min(30) @Max(900) API_KEY_TOKEN_TTL_SECONDS = 120;
  /**
   * A key found valid is trusted this long without asking the database again. Its revocation, or
   * its unit leaving `active`, ends that at once in the instance that applies the event, and within
   * this long in the others; 0 asks on every call.
   */
  @IsInt() @Min(0) @Max(300) API_KEY_CACHE_SECONDS = 10;

  /** A signing key signs for this long, then a new one takes over; the old one stays published. */
  @IsInt() @Min(1) @Max(365) SIGNING_KEY_ROTATION_DAYS = 30;
  /**
   * A new key is published this long before it signs, so that services whose JWKS cache predates
   * it (jose refetches at most every 30 s) already know it when its first token arrives.
   */
  @IsInt() @Min(0) @Max(3_600) SIGNING_KEY_PUBLISH_AHEAD_SECONDS = 120;
  /**
   * base64 of 32 random bytes (`openssl rand -base64 32`): seals the signing keys' private halves
   * at rest with AES-256-GCM. Required unless BANGBANG_DEV=1 (see keys/key-cipher.ts).
   */
  @Matches(/^(|[A-Za-z0-9+/]{43}=)$/, { message: 'SIGNING_KEY_ENCRYPTION_KEY must be base64 of exactly 32 bytes' })
  SIGNING_KEY_ENCRYPTION_KEY = '';

  /**
   * How long a PBX report's receipt is kept, so that the same report sent again is answered as a
   * duplicate; a PBX repeats a report it had no answer to within minutes.
   */
  @IsInt() @Min(1) @Max(8_760) CTI_RECEIPT_RETENTION_HOURS = 72;

  /**
   * Sign-in throttles (see identity/lockout.ts): failures counted in a window; past the free ones
   * each failure doubles the wait, from the first delay up to the cap. Per client address and username, strict;
   * per username across addresses, looser and capped short, so nobody can lock an account out.
   */
  @IsInt() @Min(1) @Max(100) LOGIN_FREE_FAILURES = 5;
  @IsInt() @Min(10) @Max(86_400) LOGIN_WINDOW_SECONDS = 15 * 60;
  @IsInt() @Min(1) @Max(3_600) LOGIN_FIRST_DELAY_SECONDS = 1;
  @IsInt() @Min(1) @Max(86_400) LOGIN_MAX_DELAY_SECONDS = 15 * 60;
  @IsInt() @Min(1) @Max(1_000) LOGIN_USERNAME_FREE_FAILURES = 20;
  @IsInt() @Min(1) @Max(3_600) LOGIN_USERNAME_MAX_DELAY_SECONDS = 60;
  /** Sign-ups per username (taken or not), on top of the client address's limit. */
  @IsInt() @Min(1) SIGNUP_USERNAME_BURST = 3;
  @IsInt() @Min(1) SIGNUP_USERNAME_PER_MINUTE = 1;

  /** Password hashes and checks at once in this process (each ~19 MiB, tens of ms of a core). */
  @IsInt() @Min(1) @Max(64) PASSWORD_HASH_CONCURRENCY = 2;
  /** How long one waits for a slot before the sign-in is refused with 503. */
  @IsInt() @Min(1) @Max(60_000) PASSWORD_HASH_MAX_WAIT_MS = 2_000;

  /** Each service's instances: one base URL, or several separated by commas, taken in turn (edge/upstream-pool.ts). */
  @IsUrlList() REQUEST_URL = 'http://127.0.0.1:3001';
  @IsUrlList() DISPATCH_URL = 'http://127.0.0.1:3002';
  @IsUrlList() MERCHANT_URL = 'http://127.0.0.1:3003';
  @IsUrlList() VOLUNTEER_URL = 'http://127.0.0.1:3004';
  @IsUrlList() RATING_URL = 'http://127.0.0.1:3005';
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
