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

/** The fields a PATCH actually sent: the validated DTO also has the absent ones, as undefined. */
export const given = <T extends object>(dto: T): Partial<T> =>
  Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;

export const viewOf = (unit: PartnerUnit): UnitView => ({ ...unit, contactPhone: maskPhone(unit.contactPhone) });

/** A unit waiting for review: the categories it asked for that an admin has not approved yet. */
export class PendingUnitView extends UnitView {
  pendingCategories: string[];
}

/** One move of a unit's status, as unit_status_change keeps it. */
export class UnitStatusChange {
  /** null on the unit's first status. */
  from: PartnerUnitStatus | null;
  to: PartnerUnitStatus;
  reason: string;
  /** The admin's (or the unit's) user id. */
  by: string;
  at: Date;
}

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
      await recordAudit(
        m,
        AuditRecorded.merchant,
        admin,
        { action: 'partner-unit.applied', resourceType: 'partner-unit', resourceId: unit.id },
        origin,
      );
      return unit;
    });
  }

  list(admin: Principal, status?: PartnerUnitStatus): Promise<PartnerUnit[]> {
    return scopedRepository(this.ds.manager, PartnerUnit, admin).find({ where: status ? { status } : {}, order: { createdAt: 'ASC' } });
  }

  /** The admin's review queue: units in scope with a name or categories waiting, with what waits. */
  async pending(admin: Principal): Promise<(PartnerUnit & { pendingCategories: string[] })[]> {
    const units = await scopedRepository(this.ds.manager, PartnerUnit, admin)
      .createQueryBuilder('u')
      .andWhere('(u.pendingDisplayName IS NOT NULL OR EXISTS (SELECT 1 FROM offering o WHERE o.unit_id = u.id AND NOT o.approved))')
      .orderBy('u.updatedAt', 'ASC')
      .getMany();
    const waiting: { unit_id: string; category_code: string }[] = units.length
      ? await this.ds.query('SELECT unit_id, category_code FROM offering WHERE NOT approved AND unit_id = ANY($1) ORDER BY category_code', [
          units.map((u) => u.id),
        ])
      : [];
    return units.map((u) => ({ ...u, pendingCategories: waiting.filter((w) => w.unit_id === u.id).map((w) => w.category_code) }));
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
    await recordAudit(
      this.ds.manager,
      AuditRecorded.merchant,
      admin,
      { action: 'partner-unit.contact-read', resourceType: 'partner-unit', resourceId: id, purpose },
      origin,
    );
    return { contactName: unit.contactName, contactPhone: unit.contactPhone };
  }

  async update(admin: Principal, id: string, dto: UpdateUnitDto, origin: AuditOrigin): Promise<PartnerUnit> {
    for (const area of dto.coverage ?? []) assertInScope(admin, area, 'coverage area');
    return this.change(id, admin, async (m, unit) => {
      Object.assign(unit, given(dto));
      // The admin's own choice of name is verified; one the unit asked for is settled by it.
      if (dto.displayName !== undefined) unit.pendingDisplayName = null;
      await recordAudit(
        m,
        AuditRecorded.merchant,
        admin,
        { action: 'partner-unit.updated', resourceType: 'partner-unit', resourceId: id },
        origin,
      );
    });
  }

  /** The unit's own changes; a new display name waits for an admin (it goes into residents' SMS). */
  updateOwn(unitId: string, dto: UpdateOwnProfileDto): Promise<PartnerUnit> {
    return this.change(unitId, undefined, async (_, unit) => {
      const { displayName, ...rest } = given(dto);
      Object.assign(unit, rest);
      if (displayName !== undefined) unit.pendingDisplayName = displayName === unit.displayName ? null : displayName;
    });
  }

  /** An admin of the unit's scope settles the name the unit asked for; 409 when none is pending. */
  async reviewName(admin: Principal, id: string, approve: boolean, reason: string, origin: AuditOrigin): Promise<PartnerUnit> {
    return this.change(id, admin, async (m, unit) => {
      if (unit.pendingDisplayName === null) throw new ConflictException('the unit has no display name waiting for review');
      if (approve) unit.displayName = unit.pendingDisplayName;
      unit.pendingDisplayName = null;
      const action = `partner-unit.display-name-${approve ? 'approved' : 'rejected'}`;
      await recordAudit(
        m,
        AuditRecorded.merchant,
        admin,
        { action, resourceType: 'partner-unit', resourceId: id, purpose: reason.slice(0, 200) },
        origin,
      );
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
      await recordAudit(
        m,
        AuditRecorded.merchant,
        admin,
        { action: `partner-unit.${to}`, resourceType: 'partner-unit', resourceId: id, purpose: reason.slice(0, 200) },
        origin,
      );
    });
  }

  history(unitId: string): Promise<UnitStatusChange[]> {
    return this.ds.query<UnitStatusChange[]>(
      `SELECT from_status AS "from", to_status AS "to", reason, actor_id AS "by", at FROM unit_status_change WHERE unit_id = $1 ORDER BY id`,
      [unitId],
    );
  }

  /** Any change dispatch must hear about: locks the unit, applies, bumps the version, publishes the snapshot. */
  async change(
    id: string,
    scope: Principal | undefined,
    apply: (m: EntityManager, unit: PartnerUnit) => Promise<void>,
  ): Promise<PartnerUnit> {
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
    const offerings = await m.find(Offering, { where: { unitId: unit.id, approved: true }, select: { categoryCode: true } });
    await writeToOutbox(m, MerchantProviderProfile, {
      subject: unit.id,
      data: providerProfile(
        unit,
        offerings.map((o) => o.categoryCode),
      ),
    });
  }

  private async recordMove(m: EntityManager, unit: PartnerUnit, from: PartnerUnitStatus | null, by: string, reason: string): Promise<void> {
    const at = new Date();
    await m.query(
      'INSERT INTO unit_status_change (unit_id, from_status, to_status, reason, actor_id, at) VALUES ($1, $2, $3, $4, $5, $6)',
      [unit.id, from, unit.status, reason, by, at],
    );
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
