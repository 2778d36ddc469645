import type { JWK } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A token signing key pair. The private half sits in the gateway's own database, readable only by
 * the gateway's role; wrapping it with a KMS key is the production step not taken here.
 */
@Entity('signing_key')
export class SigningKey {
  @PrimaryColumn() kid: string;
  @Column({ name: 'private_jwk', type: 'jsonb' }) privateJwk: JWK;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk: JWK;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'signs_from', type: 'timestamptz' }) signsFrom: Date;
  @Column({ name: 'signs_until', type: 'timestamptz' }) signsUntil: Date;
  /** Past the last token's expiry, so every token it signed can still be verified. */
  @Column({ name: 'published_until', type: 'timestamptz' }) publishedUntil: Date;
}
