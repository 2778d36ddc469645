import { conflictOnUnique } from '@bangbang/platform';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../directory/org-unit.entity';
import { hashPassword } from './passwords';
import { principalOf, StaffUser } from './staff-user.entity';
import { TokenPair, TokensService } from './tokens.service';
import { VolunteerSignupDto } from './volunteer-signup.dto';

/**
 * A resident opens a volunteer account to use the volunteer app; what they may do there (apply,
 * take jobs) the volunteer service decides after a community admin's review. The account id is
 * the volunteer id every service uses.
 */
@Injectable()
export class VolunteerSignupService {
  constructor(
    private readonly ds: DataSource,
    private readonly tokens: TokensService,
  ) {}

  signUp(dto: VolunteerSignupDto): Promise<TokenPair> {
    return this.ds.transaction(async (m) => {
      const unit = await m.findOneBy(OrgUnit, { code: dto.communityCode });
      if (!unit || unit.status !== 'active') throw new NotFoundException(`communityCode ${dto.communityCode} is not an active community`);
      if (unit.level !== 'community') throw new BadRequestException(`communityCode must name a community, not a ${unit.level}`);
      const taken = await m.createQueryBuilder(StaffUser, 'u').where('lower(u.username) = lower(:u)', { u: dto.username }).getExists();
      if (taken) throw new ConflictException(`username ${dto.username} is taken`);
      const account = m.create(StaffUser, {
        id: randomUUID(),
        username: dto.username,
        passwordHash: await hashPassword(dto.password),
        displayName: dto.displayName,
        phone: dto.phone,
        kind: 'volunteer',
        role: 'volunteer',
        unitCode: unit.code,
        orgPath: unit.orgPath,
        status: 'active',
        failedAttempts: 0,
        createdBy: 'self-signup',
      });
      await conflictOnUnique(m.insert(StaffUser, account), `username ${dto.username} is taken`);
      return this.tokens.pair(m, principalOf(account));
    });
  }
}
