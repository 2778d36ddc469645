import { BadRequestException, HttpStatus, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../directory/org-unit.entity';
import { RateLimiter } from '../edge/rate-limiter';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { Passwords } from './passwords';
import { RetryLater } from './retry-later';
import { StaffUser } from './staff-user.entity';
import { VolunteerSignupDto } from './volunteer-signup.dto';

/** The one answer to every sign-up that gets this far: whether the username was free is not told. */
export class SignupAccepted {
  status: 'accepted';
  next: string;
}

const ACCEPTED: SignupAccepted = { status: 'accepted', next: 'sign in with this username and password at POST /auth/login' };

/**
 * A resident opens a volunteer account to use the volunteer app; what they may do there (apply,
 * take jobs) the volunteer service decides after a community admin's review. The account id is
 * the volunteer id every service uses.
 *
 * A taken username is answered like a free one, with the same work (one argon2 hash) and no
 * tokens either way, so sign-up cannot list accounts; the new volunteer signs in next.
 */
@Injectable()
export class VolunteerSignupService {
  private readonly perUsername: RateLimiter;

  constructor(
    private readonly ds: DataSource,
    private readonly passwords: Passwords,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.perUsername = new RateLimiter(ds);
  }

  async signUp(dto: VolunteerSignupDto): Promise<SignupAccepted> {
    const limit = await this.perUsername.take(`signup:${dto.username.toLowerCase()}`, {
      burst: this.config.SIGNUP_USERNAME_BURST,
      perMinute: this.config.SIGNUP_USERNAME_PER_MINUTE,
    });
    if (!limit.allowed)
      throw new RetryLater(
        HttpStatus.TOO_MANY_REQUESTS,
        'too many sign-ups for this username: wait before trying again',
        limit.retryAfterSeconds,
      );
    const unit = await this.ds.manager.findOneBy(OrgUnit, { code: dto.communityCode });
    if (!unit || unit.status !== 'active') throw new NotFoundException(`communityCode ${dto.communityCode} is not an active community`);
    if (unit.level !== 'community') throw new BadRequestException(`communityCode must name a community, not a ${unit.level}`);
    const passwordHash = await this.passwords.hash(dto.password);
    await this.ds
      .createQueryBuilder()
      .insert()
      .into(StaffUser)
      .values({
        id: randomUUID(),
        username: dto.username,
        passwordHash,
        displayName: dto.displayName,
        phone: dto.phone,
        kind: 'volunteer',
        role: 'volunteer',
        unitCode: unit.code,
        orgPath: unit.orgPath,
        status: 'active',
        createdBy: 'self-signup',
      })
      .orIgnore()
      .execute();
    return ACCEPTED;
  }
}
