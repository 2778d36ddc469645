import { loadConfig } from '@bangbang/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { FactEventsHandler } from './figures/fact-events.handler';
import { FactProjector } from './figures/fact-projector';
import { FiguresController } from './figures/figures.controller';
import { parseWeights } from './figures/rates';
import { ReportsController } from './figures/reports.controller';
import { FollowUpClock } from './follow-ups/follow-up-clock';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { RATING_CONFIG, RatingConfig } from './rating.config';
import { CommentsController } from './ratings/comments.controller';
import { RatingPageController } from './ratings/rating-page.controller';
import { PublicRatingsController, RatingsController } from './ratings/ratings.controller';
import { RatingsService } from './ratings/ratings.service';
import { ScorecardsController } from './scorecards/scorecards.controller';

/** The service's configuration, read from the instance's own environment. */
@Module({})
export class RatingConfigModule {
  static forEnv(env: NodeJS.ProcessEnv): DynamicModule {
    const config = loadConfig(RatingConfig, env);
    const weights = parseWeights(config.COMPOSITE_WEIGHTS);
    return {
      module: RatingConfigModule,
      global: true,
      providers: [
        { provide: RATING_CONFIG, useValue: config },
        { provide: FactProjector, useValue: new FactProjector(weights) },
      ],
      exports: [RATING_CONFIG, FactProjector],
    };
  }
}

@Module({ controllers: [FactEventsHandler, FiguresController, ReportsController] })
export class FiguresModule {}

@Module({ controllers: [RatingsController, PublicRatingsController, RatingPageController, CommentsController], providers: [RatingsService] })
export class RatingsModule {}

@Module({ controllers: [FollowUpsController], providers: [FollowUpClock], exports: [FollowUpClock] })
export class FollowUpsModule {}

@Module({ controllers: [ScorecardsController] })
export class ScorecardsModule {}
