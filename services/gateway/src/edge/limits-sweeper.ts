import { BackgroundLoop, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CtiReceipts } from '../cti/cti-receipts';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';
import { DatabaseFailureStore } from '../identity/login-failures';
import { RateLimiter } from './rate-limiter';

const BATCH = 5_000;
const EVERY_MS = 60_000;

/**
 * Keeps the shared limit tables as small as the callers of the moment: full buckets and sign-in
 * failures whose window has passed count for nothing and go; so do PBX report receipts past
 * `CTI_RECEIPT_RETENTION_HOURS`, every call leaving several. One instance sweeps.
 */
@Injectable()
export class LimitsSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;
  private readonly buckets: RateLimiter;
  private readonly failures: DatabaseFailureStore;
  private readonly receipts: CtiReceipts;
  private readonly windowMs: number;
  private readonly receiptHours: number;

  constructor(ds: DataSource, @Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.buckets = new RateLimiter(ds);
    this.failures = new DatabaseFailureStore(ds);
    this.receipts = new CtiReceipts(ds);
    this.windowMs = config.LOGIN_WINDOW_SECONDS * 1_000;
    this.receiptHours = config.CTI_RECEIPT_RETENTION_HOURS;
    this.loop = new BackgroundLoop({
      name: 'limits-sweeper',
      everyMs: EVERY_MS,
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

  /** One pass; resolves to whether rows are left to sweep. */
  async sweep(): Promise<boolean> {
    const buckets = await this.buckets.sweep(BATCH);
    const failures = await this.failures.forget(this.windowMs, BATCH);
    const receipts = await this.receipts.forget(this.receiptHours, BATCH);
    return buckets === BATCH || failures === BATCH || receipts === BATCH;
  }
}
