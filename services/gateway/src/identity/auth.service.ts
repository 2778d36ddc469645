import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway.tokens';
import { afterFailure, isLocked, UNLOCKED } from './lockout';
import { verifyNobody, verifyPassword } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { principalOf, StaffUser } from './staff-user.entity';
import { sha256, TokenPair, TokensService } from './tokens.service';

export class AccountLockedException extends HttpException {
  constructor(readonly until: Date) {
    super(
      { statusCode: HttpStatus.LOCKED, error: 'Locked', message: `too many failed sign-ins: account locked until ${until.toISOString()}` },
      HttpStatus.LOCKED,
    );
  }
}

const BAD_CREDENTIALS = 'wrong username or password';

type Outcome = { ok: TokenPair } | { refuse: HttpException };

/**
 * Failures must be counted even though the sign-in is refused, so each transaction returns its
 * outcome and the refusal is thrown only after the commit.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokensService,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async login(username: string, password: string): Promise<TokenPair> {
    return settle(
      await this.ds.transaction(async (m): Promise<Outcome> => {
        const user = await m
          .createQueryBuilder(StaffUser, 'u')
          .where('lower(u.username) = lower(:username)', { username })
          .setLock('pessimistic_write')
          .getOne();
        if (!user) {
          await verifyNobody(password);
          return { refuse: new UnauthorizedException(BAD_CREDENTIALS) };
        }
        const now = new Date();
        if (isLocked(user, now)) return { refuse: new AccountLockedException(user.lockedUntil!) };
        if (!(await verifyPassword(user.passwordHash, password))) {
          const state = afterFailure(user, now, {
            maxFailures: this.config.LOCKOUT_MAX_FAILURES,
            windowMs: this.config.LOCKOUT_WINDOW_SECONDS * 1_000,
            lockMs: this.config.LOCKOUT_DURATION_SECONDS * 1_000,
          });
          await m.update(StaffUser, { id: user.id }, state);
          return { refuse: state.lockedUntil ? new AccountLockedException(state.lockedUntil) : new UnauthorizedException(BAD_CREDENTIALS) };
        }
        if (user.status !== 'active') return { refuse: new UnauthorizedException('this account is disabled') };
        if (user.failedAttempts || user.lockedUntil) await m.update(StaffUser, { id: user.id }, UNLOCKED);
        return { ok: await this.tokens.pair(m, principalOf(user)) };
      }),
    );
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
        if (token.usedAt || token.revokedAt) {
          await this.revokeFamily(m, token.familyId);
          return { refuse: new UnauthorizedException('refresh token already used or revoked: sign in again') };
        }
        if (token.expiresAt <= new Date()) return { refuse: new UnauthorizedException('refresh token expired: sign in again') };
        const user = await m.findOneBy(StaffUser, { id: token.userId, status: 'active' });
        if (!user) {
          await this.revokeFamily(m, token.familyId);
          return { refuse: new UnauthorizedException('this account is disabled') };
        }
        await m.update(RefreshToken, { id: token.id }, { usedAt: new Date() });
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

  private async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

function settle(outcome: Outcome): TokenPair {
  if ('refuse' in outcome) throw outcome.refuse;
  return outcome.ok;
}
