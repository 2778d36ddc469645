import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VOLUNTEER_CONFIG, VolunteerConfig } from '../volunteer.config';
import { ProfilePublisher } from './profile-publisher';

const BATCH = 100;

/**
 * Republishes profiles whose state changed with time: a certificate lapsed (its specialty goes)
 * or a pause ended. Due rows are taken with SKIP LOCKED and deleted in the transaction that
 * publishes, so with any number of instances each refresh happens once, and a crash redoes it.
 */
@Injectable()
export class ProfileRefreshScanner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;

  constructor(
    private readonly ds: DataSource,
    private readonly publisher: ProfilePublisher,
    @Inject(VOLUNTEER_CONFIG) config: VolunteerConfig,
  ) {
    this.loop = new BackgroundLoop({
      name: 'profile-refresh',
      everyMs: config.VOLUNTEER_REFRESH_SCAN_MS,
      pass: async () => (await this.scanOnce()) === BATCH,
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  // Before TypeORM destroys the DataSource (in onApplicationShutdown), so the pass in flight can commit.
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass; returns how many profiles it republished. */
  async scanOnce(): Promise<number> {
    return this.ds.transaction(async (m) => {
      // TypeORM answers a DELETE … RETURNING with [rows, count].
      const [due]: [{ volunteer_id: string }[], number] = await m.query(
        `DELETE FROM profile_refresh WHERE id IN (
           SELECT id FROM profile_refresh WHERE due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING volunteer_id`,
        [BATCH],
      );
      const ids = [...new Set(due.map((d) => d.volunteer_id))].sort();
      for (const id of ids) await this.publisher.publish(m, id);
      return ids.length;
    });
  }
}
