import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PhoneVerificationState } from './verification-code';

/** A phone's current booking code and the recent history its limits count (see verification-code.ts). */
@Entity('booking_verification')
export class BookingVerification implements PhoneVerificationState {
  @PrimaryColumn({ name: 'phone_key' }) phoneKey: string;
  @Column({ name: 'code_hash', type: 'text', nullable: true }) codeHash: string | null;
  @Column({ type: 'text', nullable: true }) salt: string | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'issued_at', type: 'timestamptz', array: true }) issuedAt: Date[];
  @Column({ name: 'wrong_at', type: 'timestamptz', array: true }) wrongAt: Date[];
  @Column({ name: 'last_seen_at', type: 'timestamptz' }) lastSeenAt: Date;
}
