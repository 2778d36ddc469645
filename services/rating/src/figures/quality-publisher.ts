import { BackgroundLoop } from '@bangbang/persistence';
import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { msUntilQualityDue, publishDueQuality } from './provider-quality';
import { parseWeights, Weights } from './rates';

const HELD_ELSEWHERE_MS = 100;

/**
 * Publishes the quality of the providers whose counters moved, once each has waited
 * PROVIDER_QUALITY_DELAY_MS (`markQualityDue`). Every instance runs it, each taking its own rows.
 * A pass sleeps until the next provider falls due, or the delay when none waits: a change is out
 * within twice the delay.
 */
@Injectable()
export class QualityPublisher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: BackgroundLoop;
  private readonly weights: Weights;

  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {
    this.weights = parseWeights(config.COMPOSITE_WEIGHTS);
    this.loop = new BackgroundLoop({
      name: 'quality-publisher',
      everyMs: Math.max(config.PROVIDER_QUALITY_DELAY_MS, 50),
      pass: () => this.pass(),
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.loop.start();
  }

  /** Before the shutdown phase, where the DataSource closes: a pass in flight finishes on an open pool. */
  onModuleDestroy(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Publishes what is due and comes back to see when the next falls due; else waits until then.
   * Due rows another transaction holds (an instance publishing them, a consumer marking them) are
   * asked for again shortly, not in a tight loop.
   */
  private async pass(): Promise<boolean | number> {
    const ms = await msUntilQualityDue(this.ds.manager);
    if (ms === null) return false;
    if (ms > 0) return Math.ceil(ms);
    const taken = await this.ds.transaction((m) => publishDueQuality(m, this.weights, this.config.PROVIDER_QUALITY_BATCH_SIZE));
    return taken > 0 || HELD_ELSEWHERE_MS;
  }
}
