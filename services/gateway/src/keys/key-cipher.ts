import { ConfigError } from '@bangbang/observability';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JWK } from 'jose';
import type { GatewayConfig } from '../gateway.config';

/** A private JWK as stored: AES-256-GCM under the key from the environment, bound to its kid. */
export interface SealedJwk {
  sealed: 'A256GCM';
  iv: string;
  tag: string;
  ciphertext: string;
}

export const isSealed = (stored: JWK | SealedJwk): stored is SealedJwk => (stored as SealedJwk).sealed === 'A256GCM';

export class KeyCipher {
  constructor(private readonly key: Buffer) {}

  seal(kid: string, jwk: JWK): SealedJwk {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(kid));
    const ciphertext = Buffer.concat([cipher.update(JSON.stringify(jwk), 'utf8'), cipher.final()]);
    return {
      sealed: 'A256GCM',
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext: ciphertext.toString('base64'),
    };
  }

  open(kid: string, sealed: SealedJwk): JWK {
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(sealed.iv, 'base64'))
      .setAAD(Buffer.from(kid))
      .setAuthTag(Buffer.from(sealed.tag, 'base64'));
    try {
      return JSON.parse(
        Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]).toString('utf8'),
      ) as JWK;
    } catch {
      throw new Error(`signing key ${kid} does not open with SIGNING_KEY_ENCRYPTION_KEY: is it the key it was sealed with?`);
    }
  }
}

/**
 * The one place that decides whether signing keys are sealed at rest: always when the key is set,
 * and a start without it is refused unless BANGBANG_DEV=1 says this is a developer's machine.
 */
export function keyCipherFor(config: GatewayConfig): KeyCipher | undefined {
  if (config.SIGNING_KEY_ENCRYPTION_KEY) return new KeyCipher(Buffer.from(config.SIGNING_KEY_ENCRYPTION_KEY, 'base64'));
  if (!config.BANGBANG_DEV) {
    throw new ConfigError(
      'invalid configuration:\n  SIGNING_KEY_ENCRYPTION_KEY: required (base64 of 32 random bytes) to seal the token signing keys; only BANGBANG_DEV=1 runs without one',
    );
  }
  return undefined;
}
