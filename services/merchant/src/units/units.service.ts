import { assertInScope, AuditOrigin, maskPhone, Principal, recordAudit, scopedRepository } from '@bangbang/auth';
import { AuditRecorded, MerchantProviderProfile, type PartnerUnitStatus, UnitStatusChanged } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { OmitType } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { revokeKeysWhere } from '../api-keys/api-keys.service';
import { Offering } from '../offerings/offering.entity';
import { PartnerUnit } from './partner-unit.entity';
import { providerProfile } from './provider-profile';
import { CreateUnitDto, UpdateOwnProfileDto, UpdateUnitDto } from './unit.dto';
import { assertUnitMove, IllegalUnitMove } from './unit-lifecycle';

/** What admins and the unit itself see: the contact phone masked unless read on purpose. */
export class UnitView extends OmitType(PartnerUnit, ['contactPhone'] as const) {
  contactPhone: string | null;
}

export const viewOf = (unit: PartnerUnit): UnitView => ({ ...unit, contactPhone: maskPhone(unit.contactPhone) });

export class UnitContact {
  contactName: string;
  contactPhone: string;
}

@Injectable()
export class UnitsService {
  constructor(private readonly ds: DataSource) {}

  async apply(admin: Principal, dto: CreateUnitDto, origin: AuditOrigin): Promise<PartnerUnit> {
    const { reason, coverage, ...fields } = dto;
    assertInScope(admin, dto.orgPath, 'org unit');
    const areas = coverage ?? [dto.orgPath];
    for (const area of areas) assertInScope(admin, area, 'coverage area');
    return this.ds.transaction(async (m) => {
      const now = new Date();
      const unit = m.create(PartnerUnit, {
        ...fields,
        id: randomUUID(),
        coverage: areas,
        status: 'applied',
        statusReason: reason,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await m.insert(PartnerUnit, unit);
      await this.recordMove(m, unit, null, admin.id, reason);
      await this.publishProfile(m, unit);
      await recordAudit(m, AuditRecorded.merchant, admin, { action: 'partner-unit.applied', resourceType: 'partner-unit', resourceId: unit.id }, origin);
      return unit;
    });
  }

  list(admin: Principal, status?: PartnerUnitStatus): Promise<PartnerUnit[]> {
    return scopedRepository(this.ds.manager, PartnerUnit, admin).find({ where: status ? { status } : {}, order: { createdAt: 'ASC' } });
  }

  get(admin: Principal, id: string): Promise<PartnerUnit> {
    return scopedRepository(this.ds.manager, PartnerUnit, admin).get({ id }, 'partner unit');
  }

  async own(unitId: string): Promise<PartnerUnit> {
    const unit = await this.ds.manager.findOneBy(PartnerUnit, { id: unitId });
    if (!unit) throw new NotFoundException('partner unit not found');
    return unit;
  }

  async readContact(admin: Principal, id: string, purpose: string, origin: AuditOrigin): Promise<UnitContact> {
    const unit = await this.get(admin, id);
    await recordAudit(this.ds.manager, AuditRecorded.merchant, admin, { action: 'partner-unit.contact-read', resourceType: 'partner-unit', resourceId: id, purpose }, origin);
    return { contactName: unit.contactName, contactPhone: unit.contactPhone };
  }

  async update(admin: Principal, id: string, dto: UpdateUnitDto, origin: AuditOrigin): Promise<PartnerUnit> {
    for (const area of dto.coverage ?? []) assertInScope(admin, area, 'coverage area');
    return this.change(id, admin, async (m, unit) => {
      Object.assign(unit, dto);
      await recordAudit(m, AuditRecorded.merchant, admin, { action: 'partner-unit.updated', resourceType: 'partner-unit', resourceId: id }, origin);
    });
  }

  updateOwn(unitId: string, dto: UpdateOwnProfileDto): Promise<PartnerUnit> {
    return this.change(unitId, undefined, async (_, unit) => {
      Object.assign(unit, dto);
    });
  }

  async move(admin: Principal, id: string, to: PartnerUnitStatus, reason: string, origin: AuditOrigin): Promise<PartnerUnit> {
    return this.change(id, admin, async (m, unit) => {
      const from = unit.status;
      try {
        assertUnitMove(from, to, admin.role);
      } catch (err) {
        if (err instanceof IllegalUnitMove) throw new ConflictException(err.message);
        throw err;
      }
      unit.status = to;
      unit.statusReason = reason;
      await this.recordMove(m, unit, from, admin.id, reason);
      if (to === 'retired') await this.revokeAllKeys(m, unit.id);
      await recordAudit(m, AuditRecorded.merchant, admin, { action: `partner-unit.${to}`, resourceType: 'partner-unit', resourceId: id, purpose: reason.slice(0, 200) }, origin);
    });
  }

  history(unitId: string): Promise<unknown[]> {
    return this.ds.query(
      `SELECT from_status AS "from", to_status AS "to", reason, actor_id AS "by", at FROM unit_status_change WHERE unit_id = $1 ORDER BY id`,
      [unitId],
    );
  }

  /** Any change dispatch must hear about: locks the unit, applies, bumps the version, publishes the snapshot. */
  async change(id: string, scope: Principal | undefined, apply: (m: EntityManager, unit: PartnerUnit) => Promise<void>): Promise<PartnerUnit> {
    return this.ds.transaction(async (m) => {
      const unit = await m.findOne(PartnerUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!unit) throw new NotFoundException('partner unit not found');
      if (scope) assertInScope(scope, unit.orgPath, 'partner unit');
      await apply(m, unit);
      unit.version += 1;
      unit.updatedAt = new Date();
      await m.save(PartnerUnit, unit);
      await this.publishProfile(m, unit);
      return unit;
    });
  }

  /** The full snapshot at the unit's current version, in the caller's transaction. */
  async publishProfile(m: EntityManager, unit: PartnerUnit): Promise<void> {
    const offerings = await m.find(Offering, { where: { unitId: unit.id }, select: { categoryCode: true } });
    await writeToOutbox(m, MerchantProviderProfile, { subject: unit.id, data: providerProfile(unit, offerings.map((o) => o.categoryCode)) });
  }

  private async recordMove(m: EntityManager, unit: PartnerUnit, from: PartnerUnitStatus | null, by: string, reason: string): Promise<void> {
    const at = new Date();
    await m.query('INSERT INTO unit_status_change (unit_id, from_status, to_status, reason, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)', [
      unit.id,
      from,
      unit.status,
      reason,
      by,
      at,
    ]);
    await writeToOutbox(m, UnitStatusChanged, {
      subject: unit.id,
      data: { unitId: unit.id, orgPath: unit.orgPath, from, to: unit.status, reason, by, at: at.toISOString() },
    });
  }

  /** A retired unit's keys stop working at once; the gateway hears of each. */
  private async revokeAllKeys(m: EntityManager, unitId: string): Promise<void> {
    await revokeKeysWhere(m, 'unit_id = $1', [unitId]);
  }
}
