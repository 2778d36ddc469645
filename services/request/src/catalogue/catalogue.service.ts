import { AuditOrigin, Principal, recordAudit } from '@bangbang/auth';
import { AuditRecorded } from '@bangbang/contracts';
import { BadRequestException, Injectable, UnprocessableEntityException } from '@nestjs/common';
import { OmitType } from '@nestjs/swagger';
import { DataSource, EntityManager } from 'typeorm';
import { communityInScope } from '../directory/communities';
import { Category, CommunityCategory } from './category.entity';

export class CategoryView extends OmitType(Category, ['sort'] as const) {
  enabled: boolean;
}

@Injectable()
export class CatalogueService {
  constructor(private readonly ds: DataSource) {}

  all(m: EntityManager = this.ds.manager): Promise<Category[]> {
    return m.find(Category, { order: { sort: 'ASC' } });
  }

  /** The district catalogue, with this community's switches when one is named. */
  async list(principal: Principal, communityCode?: string): Promise<CategoryView[]> {
    const categories = await this.all();
    const off = new Set<string>();
    if (communityCode) {
      await communityInScope(this.ds.manager, principal, communityCode, 'community');
      const rows = await this.ds.manager.findBy(CommunityCategory, { communityCode, enabled: false });
      rows.forEach((r) => off.add(r.categoryCode));
    }
    return categories.map(({ sort: _, ...c }) => ({ ...c, enabled: !off.has(c.code) }));
  }

  async setEnabled(
    principal: Principal,
    communityCode: string,
    categoryCode: string,
    enabled: boolean,
    origin: AuditOrigin,
  ): Promise<CategoryView> {
    return this.ds.transaction(async (m) => {
      const community = await communityInScope(m, principal, communityCode, 'community');
      const category = await m.findOneBy(Category, { code: categoryCode });
      if (!category) throw new BadRequestException(`categoryCode: unknown category ${categoryCode}`);
      await m.upsert(
        CommunityCategory,
        { communityCode, categoryCode, orgPath: community.orgPath, enabled, changedBy: principal.id, changedAt: new Date() },
        ['communityCode', 'categoryCode'],
      );
      await recordAudit(
        m,
        AuditRecorded.request,
        principal,
        {
          action: enabled ? 'category.switched-on' : 'category.switched-off',
          resourceType: 'community_category',
          resourceId: `${communityCode}/${categoryCode}`,
        },
        origin,
      );
      const { sort: _, ...view } = category;
      return { ...view, enabled };
    });
  }

  /** The category a request is filed under, refused (naming the field) if unknown or switched off here. */
  async forIntake(m: EntityManager, code: string, communityCode: string): Promise<Category> {
    const category = await m.findOneBy(Category, { code });
    if (!category) throw new BadRequestException(`categoryCode: unknown category ${code}`);
    const own = await m.findOneBy(CommunityCategory, { communityCode, categoryCode: code });
    if (own && !own.enabled) {
      throw new UnprocessableEntityException(`categoryCode: ${code} is switched off in community ${communityCode}`);
    }
    return category;
  }
}
