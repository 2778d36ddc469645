import { hash, verify } from '@node-rs/argon2';
import { HttpStatus, Inject, Injectable, Optional } from '@nestjs/common';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { RetryLater } from './retry-later';
import { Semaphore, SemaphoreBusy } from './semaphore';

/** OWASP's argon2id baseline: 19 MiB, 2 passes, one lane. The library's default algorithm is argon2id. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export class PasswordHashingBusy extends RetryLater {
  constructor() {
    super(HttpStatus.SERVICE_UNAVAILABLE, 'too many sign-ins at once: retry in a moment', 1);
  }
}

/**
 * Every argon2 hash and check goes through one semaphore per process: each takes ~19 MiB and tens of
 * milliseconds of a core, so a burst of sign-ins (or of guesses from many addresses) waits briefly
 * and is then refused with 503, instead of taking every core and all memory.
 */
@Injectable()
export class Passwords {
  readonly slots: Semaphore;
  private dummy?: Promise<string>;

  constructor(@Optional() @Inject(GATEWAY_CONFIG) config?: GatewayConfig) {
    const defaults = new GatewayConfig();
    this.slots = new Semaphore(
      config?.PASSWORD_HASH_CONCURRENCY ?? defaults.PASSWORD_HASH_CONCURRENCY,
      config?.PASSWORD_HASH_MAX_WAIT_MS ?? defaults.PASSWORD_HASH_MAX_WAIT_MS,
    );
  }

  hash(password: string): Promise<string> {
    return this.guarded(() => hash(password, OPTIONS));
  }

  verify(passwordHash: string, password: string): Promise<boolean> {
    return this.guarded(() => verify(passwordHash, password).catch(() => false));
  }

  /** Spends the time a real check would, so response time does not tell which usernames exist. */
  async verifyNobody(password: string): Promise<false> {
    await this.verify(await (this.dummy ??= hash('no such user, no such password', OPTIONS)), password);
    return false;
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(work);
    } catch (err) {
      if (err instanceof SemaphoreBusy) throw new PasswordHashingBusy();
      throw err;
    }
  }
}
