import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The request's current code, and the recent history its limits count (see sign-off-code.ts). */
@Entity('sign_off_code')
export class SignOffCode {
  @PrimaryColumn({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'code_hash' }) codeHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ name: 'issued_at', type: 'timestamptz', array: true }) issuedAt: Date[];
  @Column({ name: 'wrong_at', type: 'timestamptz', array: true }) wrongAt: Date[];
}
