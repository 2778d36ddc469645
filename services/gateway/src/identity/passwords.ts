import { hash, verify } from '@node-rs/argon2';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, one lane. The library's default algorithm is argon2id. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

let dummy: Promise<string> | undefined;

/** Spends the time a real check would, so response time does not tell which usernames exist. */
export async function verifyNobody(password: string): Promise<false> {
  await verifyPassword(await (dummy ??= hashPassword('no such user, no such password')), password);
  return false;
}
