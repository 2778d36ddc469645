import { getLogger } from '@bangbang/observability';
import { BackgroundLoop, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forgetOldIdempotencyKeys } from '../idempotency/idempotency.interceptor';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { ApiKeysService } from './api-keys.service';

/** Revokes rotated-out keys when their grace period ends, and forgets old idempotency keys. */
@Injectable()
export class KeySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('key-sweeper');
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly keys: ApiKeysService,
    private readonly ds: DataSource,
    @Inject(MERCHANT_CONFIG) config: MerchantConfig,
  ) {
    // Revocation is a conditional UPDATE (each key revoked and announced once by whichever instance
    // gets there); one sweeper spares the other instances the same scans.
    this.loop = new BackgroundLoop({
      name: 'key-sweeper',
      everyMs: config.MAINTENANCE_MS,
      single: { url: urlOf(ds) },
      pass: () => this.sweep(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  private async sweep(): Promise<void> {
    const revoked = await this.keys.sweep();
    if (revoked) this.log.info({ revoked }, 'revoked API keys whose grace period ended');
    await forgetOldIdempotencyKeys(this.ds);
  }
}
