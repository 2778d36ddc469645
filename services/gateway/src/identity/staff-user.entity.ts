import type { Principal, StaffRole } from '@bangbang/auth';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A sign-in account: staff, or a volunteer who signed up to use the volunteer app. */
@Entity('staff_user')
export class StaffUser {
  @PrimaryColumn('uuid') id: string;
  @Column() username: string;
  @Column({ name: 'password_hash' }) passwordHash: string;
  @Column({ name: 'display_name' }) displayName: string;
  /** Personal data: masked in every response unless unmasked on purpose, and then audited. */
  @Column({ type: 'text', nullable: true }) phone: string | null;
  @Column({ type: 'text' }) kind: 'staff' | 'volunteer';
  @Column({ type: 'text' }) role: StaffRole | 'volunteer';
  @Column({ name: 'unit_code' }) unitCode: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column({ type: 'text' }) status: 'active' | 'disabled';
  @Column({ name: 'created_by' }) createdBy: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export function principalOf(user: StaffUser): Principal {
  return { id: user.id, kind: user.kind, role: user.role, org: user.unitCode, orgPath: user.orgPath, name: user.displayName };
}
