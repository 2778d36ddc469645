import { createRemoteJWKSet, JWTVerifyGetKey } from 'jose';
import { isKeysetTrouble } from './token-verifier';

/**
 * The signing keys from several gateway instances' JWKS (they publish the same keys): a key is
 * looked up at the instance that last answered, and at the others in turn while that one cannot be
 * reached, so a service does not lose its keys while one gateway is down. Each set caches its keys
 * and refetches (at most every 30 s) when a token names an unknown kid.
 */
export function remoteKeys(urls: readonly string[]): JWTVerifyGetKey {
  if (!urls.length) throw new Error('remoteKeys needs at least one JWKS URL');
  const sets = urls.map((u) => createRemoteJWKSet(new URL(u), { timeoutDuration: 5_000, cooldownDuration: 30_000 }));
  let current = 0;
  return async (header, token) => {
    let failure: unknown;
    for (let k = 0; k < sets.length; k++) {
      const i = (current + k) % sets.length;
      try {
        const key = await sets[i](header, token);
        current = i;
        return key;
      } catch (err) {
        if (!isKeysetTrouble(err)) throw err;
        failure = err;
      }
    }
    throw failure;
  };
}
