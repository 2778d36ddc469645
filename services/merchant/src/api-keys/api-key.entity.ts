import type { ApiKeyScope } from '@bangbang/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Only the hash is kept: the key itself is shown once, when issued. */
@Entity('api_key')
export class ApiKey {
  @PrimaryColumn('uuid', { name: 'key_id' }) keyId: string;
  @Column('uuid', { name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() prefix: string;
  @Column({ name: 'key_hash' }) keyHash: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  /** Set by a rotation: the old key keeps working until then. */
  @Column({ name: 'revoke_at', type: 'timestamptz', nullable: true }) revokeAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  /** `jobs` always; `manage` only when the issuing admin asked for it (see API_KEY_SCOPES). */
  @Column({ type: 'text', array: true }) scopes: ApiKeyScope[];
}
