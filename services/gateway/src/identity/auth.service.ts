import type { AuditOrigin } from '@bangbang/auth';
import { getLogger } from '@bangbang/observability';
import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, writeAudit } from '../audit/audit-log';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { LoginThrottle } from './lockout';
import { DatabaseFailureStore } from './login-failures';
import { Passwords } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { RetryLater, retryAfterSeconds } from './retry-later';
import { principalOf, StaffUser } from './staff-user.entity';
import { sha256, TokenPair, TokensService } from './tokens.service';

/** One answer for an unknown username, a wrong password and a disabled account alike. */
const BAD_CREDENTIALS = 'wrong username or password';

/** Whoever tried is not known; the record sits in the scope of the account they tried, if any. */
const attempter = (account: StaffUser | null): Actor => ({
  id: 'anonymous',
  kind: 'anonymous',
  role: 'anonymous',
  orgPath: account?.orgPath ?? '/',
});

type Outcome = { ok: TokenPair } | { refuse: HttpException };

@Injectable()
export class AuthService {
  private readonly log = getLogger('auth');
  private readonly throttle: LoginThrottle;
  private readonly reuseGraceMs: number;

  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokensService,
    private readonly passwords: Passwords,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.reuseGraceMs = config.REFRESH_REUSE_GRACE_SECONDS * 1_000;
    const common = { windowMs: config.LOGIN_WINDOW_SECONDS * 1_000, firstDelayMs: config.LOGIN_FIRST_DELAY_SECONDS * 1_000 };
    this.throttle = new LoginThrottle(
      new DatabaseFailureStore(ds),
      { ...common, freeFailures: config.LOGIN_FREE_FAILURES, maxDelayMs: config.LOGIN_MAX_DELAY_SECONDS * 1_000 },
      { ...common, freeFailures: config.LOGIN_USERNAME_FREE_FAILURES, maxDelayMs: config.LOGIN_USERNAME_MAX_DELAY_SECONDS * 1_000 },
    );
  }

  /**
   * A throttled attempt is refused before any lookup or hash; every other one costs one argon2
   * check, whether the username exists or not, and fails with the same answer for every reason.
   */
  async login(username: string, password: string, clientIp: string, origin: AuditOrigin): Promise<TokenPair> {
    const name = username.toLowerCase();
    const wait = await this.throttle.begin(clientIp, name);
    if (wait > 0) throw signInsThrottled(wait);
    let matches: boolean;
    let user: StaffUser | null = null;
    try {
      user = await this.ds.manager.createQueryBuilder(StaffUser, 'u').where('lower(u.username) = lower(:name)', { name }).getOne();
      matches = user ? await this.passwords.verify(user.passwordHash, password) : await this.passwords.verifyNobody(password);
    } catch (err) {
      // The database may be what failed; the attempt's count then lapses with its window.
      await this.throttle.cancel(clientIp, name).catch(() => undefined);
      throw err;
    }
    if (!user || !matches || user.status !== 'active') {
      await this.auditAttempt(user, name, 'auth.login-failed', origin);
      if ((await this.throttle.wait(clientIp, name)) > 0) await this.auditAttempt(user, name, 'auth.login-throttled', origin);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.throttle.succeeded(clientIp, name);
    return this.ds.transaction(async (m) => {
      await writeAudit(m, principalOf(user), { action: 'auth.login-succeeded', resourceType: 'login', resourceId: name }, origin);
      return this.tokens.pair(m, principalOf(user));
    });
  }

  /** One use per refresh token: a second use means it leaked, and ends the whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    return settle(
      await this.ds.transaction(async (m): Promise<Outcome> => {
        const token = await m
          .createQueryBuilder(RefreshToken, 't')
          .where('t.tokenHash = :hash', { hash: sha256(refreshToken) })
          .setLock('pessimistic_write')
          .getOne();
        if (!token) return { refuse: new UnauthorizedException('unknown refresh token') };
        // Used moments ago, it is the client trying again after the answer was lost; used earlier, stolen.
        const reusedLate = token.usedAt && Date.now() - token.usedAt.getTime() > this.reuseGraceMs;
        if (reusedLate || token.revokedAt) {
          await this.revokeFamily(m, token.familyId);
          return { refuse: new UnauthorizedException('refresh token already used or revoked: sign in again') };
        }
        if (token.expiresAt <= new Date()) return { refuse: new UnauthorizedException('refresh token expired: sign in again') };
        const user = await m.findOneBy(StaffUser, { id: token.userId, status: 'active' });
        if (!user) {
          await this.revokeFamily(m, token.familyId);
          return { refuse: new UnauthorizedException('this account is disabled') };
        }
        if (!token.usedAt) await m.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
        return { ok: await this.tokens.pair(m, principalOf(user), token.familyId) };
      }),
    );
  }

  /** Ends the session the refresh token belongs to; access tokens already issued run out on their own. */
  async logout(refreshToken: string): Promise<void> {
    await this.ds.transaction(async (m) => {
      const token = await m.findOneBy(RefreshToken, { tokenHash: sha256(refreshToken) });
      if (token) await this.revokeFamily(m, token.familyId);
    });
  }

  /** A failed attempt is refused whether or not its record is written; the log says when it is not. */
  private async auditAttempt(account: StaffUser | null, name: string, action: string, origin: AuditOrigin): Promise<void> {
    await writeAudit(this.ds.manager, attempter(account), { action, resourceType: 'login', resourceId: name }, origin).catch((err) =>
      this.log.error({ err, action }, 'audit of a sign-in attempt failed'),
    );
  }

  private async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

function signInsThrottled(waitMs: number): RetryLater {
  return new RetryLater(HttpStatus.TOO_MANY_REQUESTS, 'too many failed sign-ins: wait before trying again', retryAfterSeconds(waitMs));
}

function settle(outcome: Outcome): TokenPair {
  if ('refuse' in outcome) throw outcome.refuse;
  return outcome.ok;
}
