import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A PBX's credential for the CTI endpoint; the token itself is shown once and only its hash is kept. */
@Entity('cti_token')
export class CtiToken {
  @PrimaryColumn('uuid') id: string;
  @Column() name: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() prefix: string;
  @Column({ name: 'token_hash' }) tokenHash: string;
  @Column({ name: 'issued_by' }) issuedBy: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ name: 'revoked_by', type: 'text', nullable: true }) revokedBy: string | null;
}
