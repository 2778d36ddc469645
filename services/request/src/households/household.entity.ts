import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A home in a community; its org path is the community's, so it is scoped like the community. */
@Entity('household')
export class Household {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'community_code' }) communityCode: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() address: string;
  @Column({ type: 'double precision', nullable: true }) lat: number | null;
  @Column({ type: 'double precision', nullable: true }) lng: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  /** Made from a report (Open311) by someone not registered; staff confirm or correct it. */
  @Column() provisional: boolean;
  /** How a report was placed in its community (see open311/report-placement.ts), for the staff who verify it. */
  @Column({ name: 'placed_by', type: 'text', nullable: true }) placedBy: string | null;
  @Column({ name: 'verified_by', type: 'text', nullable: true }) verifiedBy: string | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
}
