import { getLogger } from '@bangbang/observability';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { forgetOldIdempotencyKeys } from '../idempotency/idempotency.interceptor';
import { MERCHANT_CONFIG, MerchantConfig } from '../merchant.config';
import { ApiKeysService } from './api-keys.service';

/** Revokes rotated-out keys when their grace period ends, and forgets old idempotency keys. */
@Injectable()
export class KeySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = getLogger('key-sweeper');
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly keys: ApiKeysService,
    private readonly ds: DataSource,
    @Inject(MERCHANT_CONFIG) private readonly config: MerchantConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep().finally(() => (this.sweeping = undefined));
    }, this.config.MAINTENANCE_MS);
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  async sweep(): Promise<void> {
    try {
      const revoked = await this.keys.sweep();
      if (revoked) this.log.info({ revoked }, 'revoked API keys whose grace period ended');
      await forgetOldIdempotencyKeys(this.ds);
    } catch (err) {
      this.log.error({ err }, 'maintenance failed');
    }
  }
}
