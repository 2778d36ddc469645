import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The gateway's read copy of the merchant service's API keys: hashes only. */
@Entity('merchant_api_key')
export class MerchantApiKey {
  @PrimaryColumn('uuid', { name: 'key_id' }) keyId: string;
  @Column({ name: 'unit_id' }) unitId: string;
  @Column({ name: 'org_path' }) orgPath: string;
  @Column() prefix: string;
  @Column({ name: 'key_hash' }) keyHash: string;
  @Column({ name: 'issued_at', type: 'timestamptz' }) issuedAt: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @Column({ type: 'text', array: true }) scopes: string[];
}
