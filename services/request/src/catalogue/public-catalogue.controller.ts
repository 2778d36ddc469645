import { Public } from '@bangbang/auth';
import { Controller, Get, NotFoundException, Query } from '@nestjs/common';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../directory/org-unit.entity';
import { CatalogueService } from './catalogue.service';
import { CommunityCategory } from './category.entity';

export class PublicCatalogueQuery {
  @IsOptional() @Matches(/^[a-z][a-z0-9-]{1,63}$/, { message: 'community must be a community code' }) community?: string;
}

/** A category as the residents' site lists it; `kind` says whether it is booked or asked on the phone (consultation). */
export class PublicCategory {
  code: string;
  name: string;
  kind: string;
  groupCode: string;
}

export class PublicCommunity {
  code: string;
  name: string;
  orgPath: string;
  streetName: string;
}

/** The residents' site (public at the gateway): the services on offer and the communities served. */
@Controller('public/catalogue')
@Public()
export class PublicCatalogueController {
  constructor(
    private readonly ds: DataSource,
    private readonly catalogue: CatalogueService,
  ) {}

  /** The district's categories, without those the named community has switched off. */
  @Get('categories')
  async categories(@Query() q: PublicCatalogueQuery): Promise<PublicCategory[]> {
    const off = new Set<string>();
    if (q.community) {
      const community = await this.ds.manager.findOneBy(OrgUnit, { code: q.community, level: 'community', status: 'active' });
      if (!community) throw new NotFoundException(`community: no community ${q.community}`);
      (await this.ds.manager.findBy(CommunityCategory, { communityCode: q.community, enabled: false })).forEach((r) =>
        off.add(r.categoryCode),
      );
    }
    return (await this.catalogue.all())
      .filter((c) => !off.has(c.code))
      .map((c) => ({ code: c.code, name: c.nameZh, kind: c.kind, groupCode: c.groupCode }));
  }

  @Get('communities')
  async communities(): Promise<PublicCommunity[]> {
    const units = await this.ds.manager.find(OrgUnit, { where: { status: 'active' }, order: { orgPath: 'ASC' } });
    const names = new Map(units.map((u) => [u.orgPath, u.nameZh]));
    return units
      .filter((u) => u.level === 'community')
      .map((u) => ({ code: u.code, name: u.nameZh, orgPath: u.orgPath, streetName: names.get(u.orgPath.replace(/[^/]+\/$/, '')) ?? '' }));
  }
}
