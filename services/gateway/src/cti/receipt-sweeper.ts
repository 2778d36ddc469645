import { BackgroundLoop, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GatewayConfig } from '../gateway.config';
import { GATEWAY_CONFIG } from '../gateway-tokens';

const BATCH = 5_000;
const EVERY_MS = 600_000;

/**
 * Forgets the receipts of PBX reports older than `CTI_RECEIPT_RETENTION_HOURS`: a receipt exists to
 * recognise a report sent again, and every call leaves several. One instance sweeps.
 */
@Injectable()
export class CtiReceiptSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;
  private readonly retentionHours: number;

  constructor(
    private readonly ds: DataSource,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.retentionHours = config.CTI_RECEIPT_RETENTION_HOURS;
    this.loop = new BackgroundLoop({
      name: 'cti-receipt-sweeper',
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

  /** One pass; resolves to whether receipts are left to sweep. */
  async sweep(now?: Date): Promise<boolean> {
    const [, deleted] = await this.ds.query<[unknown[], number]>(
      `DELETE FROM cti_receipt WHERE ctid IN (
         SELECT ctid FROM cti_receipt WHERE received_at < coalesce($1::timestamptz, now()) - make_interval(hours => $2) LIMIT $3)`,
      [now ?? null, this.retentionHours, BATCH],
    );
    return deleted === BATCH;
  }
}
