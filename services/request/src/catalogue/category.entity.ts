import type { RequestKind, Urgency } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ServiceAttribute } from '../open311/service-attributes';

@Entity('category')
export class Category {
  @PrimaryColumn() code: string;
  @Column({ name: 'name_zh' }) nameZh: string;
  @Column({ name: 'name_en' }) nameEn: string;
  @Column({ type: 'text' }) kind: RequestKind;
  @Column({ type: 'text' }) urgency: Urgency;
  @Column({ name: 'group_code' }) groupCode: string;
  @Column() description: string;
  @Column() sort: number;
  /** Whether Open311 shows this category's requests to strangers (see the migration for which do not). */
  @Column({ name: 'public_listing' }) publicListing: boolean;
  /** Extra facts asked when the request is made, as GeoReport v2 service definition attributes. */
  @Column({ type: 'jsonb' }) attributes: ServiceAttribute[];
}

/** A community's own switch for a category; no row means on. */
@Entity('community_category')
export class CommunityCategory {
  @PrimaryColumn({ name: 'community_code' }) communityCode: string;
  @PrimaryColumn({ name: 'category_code' }) categoryCode: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() enabled: boolean;
  @Column({ name: 'changed_by' }) changedBy: string;
  @Column({ name: 'changed_at', type: 'timestamptz' }) changedAt: Date;
}
