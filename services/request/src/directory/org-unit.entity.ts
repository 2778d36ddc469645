import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The local copy of the directory's org tree, kept from its unit events. */
@Entity('org_unit')
export class OrgUnit {
  @PrimaryColumn() code: string;
  @Column() level: string;
  @Column({ name: 'path' }) orgPath: string;
  @Column({ name: 'name_zh' }) nameZh: string;
  @Column() status: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
