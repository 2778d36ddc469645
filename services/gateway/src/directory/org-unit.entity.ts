import type { OrgUnitV1, UnitLevel, UnitStatus } from '@bangbang/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity('org_unit')
export class OrgUnit {
  /** Immutable, so paths (and every org_path copied into other services) never change. */
  @PrimaryColumn() code: string;
  @Column({ type: 'text' }) level: UnitLevel;
  @Column({ name: 'parent_code', type: 'text', nullable: true }) parentCode: string | null;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ name: 'name_zh' }) nameZh: string;
  @Column({ name: 'name_pinyin' }) namePinyin: string;
  @Column({ type: 'text' }) status: UnitStatus;
  @Column({ name: 'retired_reason', type: 'text', nullable: true }) retiredReason: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The unit as the API and the events show it. */
export function unitView(u: OrgUnit): OrgUnitV1 {
  return {
    code: u.code,
    level: u.level,
    parentCode: u.parentCode,
    path: u.orgPath,
    nameZh: u.nameZh,
    namePinyin: u.namePinyin,
    status: u.status,
  };
}
