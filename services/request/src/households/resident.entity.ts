import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The 一老一小一新 focus groups and other needs agents should know about when a resident calls. */
export const RESIDENT_TAGS = ['elderly_living_alone', 'child', 'disabled', 'new_form_worker', 'newcomer'] as const;
export type ResidentTag = (typeof RESIDENT_TAGS)[number];
export const CONTACT_METHODS = ['sms', 'call', 'wechat'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];

@Entity('resident')
export class Resident {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'household_id', type: 'uuid' }) householdId: string;
  @Column() name: string;
  @Column({ type: 'text', array: true }) tags: ResidentTag[];
  @Column({ name: 'preferred_contact', type: 'text' }) preferredContact: ContactMethod;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** E.164 digits, see phone.ts. */
@Entity('resident_phone')
export class ResidentPhone {
  @PrimaryColumn({ name: 'resident_id', type: 'uuid' }) residentId: string;
  @PrimaryColumn() phone: string;
}
