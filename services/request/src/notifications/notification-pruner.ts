import { rowsPruned } from '@bangbang/observability';
import { BackgroundLoop, urlOf } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';

const PRUNE_BATCH = 5_000;

/**
 * Empties the wording of texts sent longer ago than NOTIFICATION_BODY_RETENTION_DAYS: it speaks of a
 * resident's request and is no longer needed once the case is long done. The row stays (recipient,
 * template, when it was sent) as the record that the resident was told. Pending texts are untouched.
 */
@Injectable()
export class NotificationPruner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    @Inject(REQUEST_CONFIG) private readonly config: RequestConfig,
  ) {
    this.loop = new BackgroundLoop({
      name: 'notification-pruner',
      everyMs: config.NOTIFICATION_PRUNE_MS,
      single: { url: urlOf(ds) },
      pass: () => this.prune(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass now; resolves to whether more bodies are left to empty. */
  runOnce(): Promise<boolean> {
    return this.loop.runOnce();
  }

  private async prune(): Promise<boolean> {
    const [, emptied] = await this.ds.query<[unknown[], number]>(
      `UPDATE notification SET body = '' WHERE id IN (
         SELECT id FROM notification
          WHERE status = 'sent' AND body <> '' AND sent_at < now() - make_interval(days => $1) LIMIT $2)`,
      [this.config.NOTIFICATION_BODY_RETENTION_DAYS, PRUNE_BATCH],
    );
    rowsPruned.inc({ table: 'notification_body' }, emptied);
    return emptied === PRUNE_BATCH;
  }
}
