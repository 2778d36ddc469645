import { AuditOrigin, canSeeUnmasked, maskPhone, Principal, scopedRepository, StaffRole } from '@bangbang/auth';
import { conflictOnUnique } from '@bangbang/platform';
import { BadRequestException, ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, writeAudit } from '../audit/audit-log';
import { OrgUnit } from '../directory/org-unit.entity';
import { Passwords } from './passwords';
import { RefreshToken } from './refresh-token.entity';
import { levelProblem, mayAssign } from './role-policy';
import { StaffUser } from './staff-user.entity';
import { CreateUserDto, UserReadDto, UserView } from './user.dto';

function view(u: StaffUser, unmasked = false): UserView {
  const { id, username, displayName, unitCode, orgPath, status, createdAt } = u;
  // Only staff accounts are managed here; volunteers' accounts are theirs (see volunteer-signup).
  const role = u.role as StaffRole;
  return {
    id,
    username,
    displayName,
    role,
    unitCode,
    orgPath,
    status,
    createdAt,
    phone: unmasked ? u.phone : maskPhone(u.phone),
    phoneMasked: !unmasked,
  };
}

@Injectable()
export class UsersService {
  constructor(
    private readonly ds: DataSource,
    // The seed builds this service by hand, outside Nest, and gets a semaphore of its own.
    private readonly passwords: Passwords = new Passwords(),
  ) {}

  async list(principal: Principal): Promise<UserView[]> {
    const users = await scopedRepository(this.ds.manager, StaffUser, principal).find({
      where: { kind: 'staff' },
      order: { orgPath: 'ASC', username: 'ASC' },
    });
    return users.map((u) => view(u));
  }

  /** Masked unless asked otherwise; an unmasked read is audited before the data leaves. */
  async get(principal: Principal, id: string, read: UserReadDto, origin: AuditOrigin): Promise<UserView> {
    const user = await scopedRepository(this.ds.manager, StaffUser, principal).get({ id, kind: 'staff' }, `user ${id}`);
    if (!read.unmasked) return view(user);
    if (!read.purpose?.trim()) throw new BadRequestException('purpose is required to see unmasked contact data');
    if (!canSeeUnmasked(principal, { purpose: read.purpose, orgPath: user.orgPath })) {
      throw new ForbiddenException(`role ${principal.role} may not see unmasked contact data`);
    }
    await this.ds.transaction((m) =>
      writeAudit(
        m,
        principal,
        { action: 'staff-user.contact-read', resourceType: 'staff_user', resourceId: id, purpose: read.purpose },
        origin,
      ),
    );
    return view(user, true);
  }

  create(principal: Principal, dto: CreateUserDto, origin: AuditOrigin): Promise<UserView> {
    if (!mayAssign(principal.role, dto.role)) throw new ForbiddenException(`role ${principal.role} may not grant ${dto.role}`);
    return this.ds.transaction(async (m) => {
      const unit = await scopedRepository(m, OrgUnit, principal).get({ code: dto.unitCode }, `unit ${dto.unitCode}`);
      return view(await this.insert(m, principal, dto, unit, origin));
    });
  }

  async disable(principal: Principal, id: string, origin: AuditOrigin): Promise<UserView> {
    return this.ds.transaction(async (m) => {
      const user = await scopedRepository(m, StaffUser, principal).get({ id, kind: 'staff' }, `user ${id}`);
      if (user.id === principal.id) throw new ConflictException('you cannot disable your own account');
      if (!mayAssign(principal.role, user.role as StaffRole)) {
        throw new ForbiddenException(`role ${principal.role} may not disable a ${user.role}`);
      }
      user.status = 'disabled';
      await m.save(user);
      await m.update(RefreshToken, { userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      await writeAudit(m, principal, { action: 'staff-user.disabled', resourceType: 'staff_user', resourceId: id }, origin);
      return view(user);
    });
  }

  /** For the seed: creates the user unless the username exists. Returns whether it created it. */
  provision(actor: Actor, dto: CreateUserDto): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      if (await this.byUsername(m, dto.username)) return false;
      const unit = await m.findOneByOrFail(OrgUnit, { code: dto.unitCode });
      await this.insert(m, actor, dto, unit, {});
      return true;
    });
  }

  private async insert(m: EntityManager, actor: Actor, dto: CreateUserDto, unit: OrgUnit, origin: AuditOrigin): Promise<StaffUser> {
    if (unit.status !== 'active') throw new ConflictException(`${unit.code} is retired`);
    const problem = levelProblem(dto.role as StaffRole, unit.level, unit.code);
    if (problem) throw new BadRequestException(problem);
    const taken = `username ${dto.username} is taken`;
    if (await this.byUsername(m, dto.username)) throw new ConflictException(taken);
    const user = m.create(StaffUser, {
      id: randomUUID(),
      username: dto.username,
      passwordHash: await this.passwords.hash(dto.password),
      displayName: dto.displayName,
      phone: dto.phone ?? null,
      kind: 'staff',
      role: dto.role,
      unitCode: unit.code,
      orgPath: unit.orgPath,
      status: 'active',
      createdBy: actor.id,
    });
    await conflictOnUnique(m.insert(StaffUser, user), taken);
    await writeAudit(m, actor, { action: 'staff-user.created', resourceType: 'staff_user', resourceId: user.id }, origin);
    return user;
  }

  private byUsername(m: EntityManager, username: string): Promise<StaffUser | null> {
    return m.createQueryBuilder(StaffUser, 'u').where('lower(u.username) = lower(:username)', { username }).getOne();
  }
}
