import { AuditOrigin, recordAudit, type Principal } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AdminAct } from '../api-keys/api-keys.service';
import { UnitsService } from '../units/units.service';
import { Offering } from './offering.entity';
import { PutOfferingDto } from './offering.dto';

@Injectable()
export class OfferingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitsService,
  ) {}

  list(unitId: string): Promise<Offering[]> {
    return this.ds.manager.find(Offering, { where: { unitId }, order: { categoryCode: 'ASC' } });
  }

  /**
   * Adds or replaces the price list line; the category set may change, so dispatch gets a new
   * profile. An admin's line counts at once; a category the unit adds itself waits for an admin
   * (prices of an approved one it changes freely).
   */
  async put(unitId: string, category: string, dto: PutOfferingDto, by?: AdminAct): Promise<Offering> {
    const scope = by?.admin;
    const priceMaxFen = dto.priceMaxFen ?? dto.priceMinFen;
    if (priceMaxFen < dto.priceMinFen) throw new BadRequestException(['priceMaxFen must not be below priceMinFen']);
    let saved!: Offering;
    await this.units.change(unitId, scope, async (m) => {
      const approved = scope !== undefined || Boolean((await m.findOneBy(Offering, { unitId, categoryCode: category }))?.approved);
      saved = m.create(Offering, {
        unitId,
        categoryCode: category,
        description: dto.description,
        priceMinFen: dto.priceMinFen,
        priceMaxFen,
        updatedAt: new Date(),
        approved,
      });
      await m.save(Offering, saved);
      if (by)
        await recordAudit(
          m,
          AuditRecorded.merchant,
          by.admin,
          { action: 'offering.updated', resourceType: 'partner-unit', resourceId: unitId, purpose: category },
          by.origin,
        );
    });
    return saved;
  }

  /** An admin of the unit's scope settles a category the unit added: approved it reaches dispatch, rejected it is removed. */
  async review(
    admin: Principal,
    unitId: string,
    category: string,
    approve: boolean,
    reason: string,
    origin: AuditOrigin,
  ): Promise<Offering | undefined> {
    let reviewed: Offering | undefined;
    await this.units.change(unitId, admin, async (m) => {
      const offering = await m.findOneBy(Offering, { unitId, categoryCode: category });
      if (!offering) throw new NotFoundException('offering not found');
      if (offering.approved) throw new ConflictException(`the category ${category} is already approved`);
      if (approve) {
        offering.approved = true;
        await m.update(Offering, { unitId, categoryCode: category }, { approved: true });
        reviewed = offering;
      } else {
        await m.delete(Offering, { unitId, categoryCode: category });
      }
      const entry = {
        action: `offering.${approve ? 'approved' : 'rejected'}`,
        resourceType: 'partner-unit',
        resourceId: unitId,
        purpose: `${category}: ${reason}`.slice(0, 200),
      };
      await recordAudit(m, AuditRecorded.merchant, admin, entry, origin);
    });
    return reviewed;
  }

  async remove(unitId: string, category: string, by?: AdminAct): Promise<void> {
    await this.units.change(unitId, by?.admin, async (m) => {
      const { affected } = await m.delete(Offering, { unitId, categoryCode: category });
      if (!affected) throw new NotFoundException('offering not found');
      if (by)
        await recordAudit(
          m,
          AuditRecorded.merchant,
          by.admin,
          { action: 'offering.removed', resourceType: 'partner-unit', resourceId: unitId, purpose: category },
          by.origin,
        );
    });
  }
}
