import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnitsService } from '../units/units.service';
import { Offering } from './offering.entity';
import { PutOfferingDto } from './offering.dto';
import type { Principal } from '@bangbang/auth';

@Injectable()
export class OfferingsService {
  constructor(
    private readonly ds: DataSource,
    private readonly units: UnitsService,
  ) {}

  list(unitId: string): Promise<Offering[]> {
    return this.ds.manager.find(Offering, { where: { unitId }, order: { categoryCode: 'ASC' } });
  }

  /** Adds or replaces the price list line; the category set may change, so dispatch gets a new profile. */
  async put(unitId: string, category: string, dto: PutOfferingDto, scope?: Principal): Promise<Offering> {
    const priceMaxFen = dto.priceMaxFen ?? dto.priceMinFen;
    if (priceMaxFen < dto.priceMinFen) throw new BadRequestException(['priceMaxFen must not be below priceMinFen']);
    let saved!: Offering;
    await this.units.change(unitId, scope, async (m) => {
      saved = m.create(Offering, { unitId, categoryCode: category, description: dto.description, priceMinFen: dto.priceMinFen, priceMaxFen, updatedAt: new Date() });
      await m.save(Offering, saved);
    });
    return saved;
  }

  async remove(unitId: string, category: string, scope?: Principal): Promise<void> {
    await this.units.change(unitId, scope, async (m) => {
      const { affected } = await m.delete(Offering, { unitId, categoryCode: category });
      if (!affected) throw new NotFoundException('offering not found');
    });
  }
}
