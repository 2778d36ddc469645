import type { JWK } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SealedJwk } from './key-cipher';

/**
 * A token signing key pair. The private half is sealed with SIGNING_KEY_ENCRYPTION_KEY when that
 * is set (always in production); keys created without it are sealed at the first start with it.
 */
@Entity('signing_key')
export class SigningKey {
  @PrimaryColumn() kid: string;
  @Column({ name: 'private_jwk', type: 'jsonb' }) privateJwk: JWK | SealedJwk;
  @Column({ name: 'public_jwk', type: 'jsonb' }) publicJwk: JWK;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'signs_from', type: 'timestamptz' }) signsFrom: Date;
  @Column({ name: 'signs_until', type: 'timestamptz' }) signsUntil: Date;
  /** Past the last token's expiry, so every token it signed can still be verified. */
  @Column({ name: 'published_until', type: 'timestamptz' }) publishedUntil: Date;
}
