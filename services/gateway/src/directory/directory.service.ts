import { AuditOrigin, Principal, scopedRepository } from '@bangbang/auth';
import { OrgUnitV1, UnitCreated, UnitRenamed, UnitRetired } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { conflictOnUnique } from '@bangbang/platform';
import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, writeAudit } from '../audit/audit-log';
import { OrgUnit, unitView } from './org-unit.entity';
import { CreateUnitDto, RenameUnitDto } from './unit.dto';
import { childPath, mayManage, placementProblem, retirementProblem } from './unit-rules';

export interface NewDistrict {
  code: string;
  nameZh: string;
  namePinyin: string;
}

/** The org tree. Every change commits with its event and its audit record, or not at all. */
@Injectable()
export class DirectoryService {
  constructor(private readonly ds: DataSource) {}

  async list(principal: Principal): Promise<OrgUnitV1[]> {
    const units = await scopedRepository(this.ds.manager, OrgUnit, principal).find({ order: { orgPath: 'ASC' } });
    return units.map(unitView);
  }

  async get(principal: Principal, code: string): Promise<OrgUnitV1> {
    return unitView(await scopedRepository(this.ds.manager, OrgUnit, principal).get({ code }, `unit ${code}`));
  }

  create(principal: Principal, dto: CreateUnitDto, origin: AuditOrigin): Promise<OrgUnitV1> {
    if (!mayManage(principal.role, dto.level)) throw new ForbiddenException(`role ${principal.role} may not create a ${dto.level}`);
    return this.ds.transaction(async (m) => {
      const parent = await scopedRepository(m, OrgUnit, principal).get({ code: dto.parentCode }, `unit ${dto.parentCode}`);
      const problem = placementProblem(dto.level, parent);
      if (problem) throw new ConflictException(problem);
      const unit = m.create(OrgUnit, { ...dto, orgPath: childPath(parent.orgPath, dto.code), status: 'active' });
      return this.insert(m, unit, principal, origin);
    });
  }

  /** Districts are provisioned by operators (the seed), not through the API. Idempotent. */
  provisionDistrict(actor: Actor, district: NewDistrict): Promise<OrgUnitV1> {
    return this.ds.transaction(async (m) => {
      const existing = await m.findOneBy(OrgUnit, { code: district.code });
      if (existing) return unitView(existing);
      const unit = m.create(OrgUnit, { ...district, level: 'district', parentCode: null, orgPath: `/${district.code}/`, status: 'active' });
      return this.insert(m, unit, actor, {});
    });
  }

  rename(principal: Principal, code: string, dto: RenameUnitDto, origin: AuditOrigin): Promise<OrgUnitV1> {
    return this.change(principal, code, origin, 'renamed', async (m, unit) => {
      const previous = { previousNameZh: unit.nameZh, previousNamePinyin: unit.namePinyin };
      Object.assign(unit, dto);
      await m.save(unit);
      await writeToOutbox(m, UnitRenamed, { subject: unit.code, data: { ...unitView(unit), ...previous } });
    });
  }

  retire(principal: Principal, code: string, reason: string, origin: AuditOrigin): Promise<OrgUnitV1> {
    return this.change(principal, code, origin, 'retired', async (m, unit) => {
      if (unit.status === 'retired') throw new ConflictException(`${code} is already retired`);
      const children = await m.find(OrgUnit, { where: { parentCode: code, status: 'active' }, order: { code: 'ASC' } });
      const problem = retirementProblem(
        code,
        children.map((c) => c.code),
      );
      if (problem) throw new ConflictException(problem);
      Object.assign(unit, { status: 'retired', retiredReason: reason });
      await m.save(unit);
      await writeToOutbox(m, UnitRetired, { subject: unit.code, data: { ...unitView(unit), reason } });
    });
  }

  private async insert(m: EntityManager, unit: OrgUnit, actor: Actor, origin: AuditOrigin): Promise<OrgUnitV1> {
    const taken = `unit code ${unit.code} is taken`;
    if (await m.findOneBy(OrgUnit, { code: unit.code })) throw new ConflictException(taken);
    await conflictOnUnique(m.insert(OrgUnit, unit), taken);
    await writeToOutbox(m, UnitCreated, { subject: unit.code, data: unitView(unit) });
    await writeAudit(m, actor, { action: 'unit.created', resourceType: 'org_unit', resourceId: unit.code }, origin);
    return unitView(unit);
  }

  /** Loads the unit in scope (404 otherwise), locked, then checks the role may manage its level. */
  private change(
    principal: Principal,
    code: string,
    origin: AuditOrigin,
    verb: string,
    apply: (m: EntityManager, unit: OrgUnit) => Promise<void>,
  ): Promise<OrgUnitV1> {
    return this.ds.transaction(async (m) => {
      const unit = await scopedRepository(m, OrgUnit, principal)
        .createQueryBuilder('u')
        .andWhere('u.code = :code', { code })
        .setLock('pessimistic_write')
        .getOne();
      if (!unit) throw new NotFoundException(`unit ${code} not found`);
      if (!mayManage(principal.role, unit.level)) throw new ForbiddenException(`role ${principal.role} may not change a ${unit.level}`);
      await apply(m, unit);
      await writeAudit(m, principal, { action: `unit.${verb}`, resourceType: 'org_unit', resourceId: code }, origin);
      return unitView(unit);
    });
  }
}
