import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { loadConfig } from '@bangbang/observability';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { FactProjector } from './figures/fact-projector';
import { FiguresModule } from './figures/figures.module';
import { FollowUpsModule } from './follow-ups/follow-ups.module';
import { RATING_MIGRATIONS } from './migrations';
import openApiMetadata from './openapi.metadata';
import { RATING_CONFIG, RatingConfig } from './rating.config';
import { RatingsModule } from './ratings/ratings.module';
import { ScorecardsModule } from './scorecards/scorecards.module';

/** The service's configuration, read from the instance's own environment. */
@Module({})
class RatingConfigModule {
  static forEnv(env: NodeJS.ProcessEnv): DynamicModule {
    const config = loadConfig(RatingConfig, env);
    return {
      module: RatingConfigModule,
      global: true,
      providers: [
        { provide: RATING_CONFIG, useValue: config },
        { provide: FactProjector, useValue: new FactProjector(config.PROVIDER_QUALITY_DELAY_MS) },
      ],
      exports: [RATING_CONFIG, FactProjector],
    };
  }
}

@Module({})
class RatingAppModule {}

export const ratingService: ServiceDefinition = {
  name: 'rating',
  openApiMetadata,
  defaultPort: 3005,
  consumesEvents: true,
  module: (env) => ({
    module: RatingAppModule,
    imports: [
      PlatformModule.forService({
        service: 'rating',
        entities: [],
        migrations: RATING_MIGRATIONS,
        producedTopics: [TOPICS.rating],
        orgUnitCopy: true,
        env,
      }),
      AuthModule.forService(env),
      RatingConfigModule.forEnv(env),
      FiguresModule,
      RatingsModule,
      FollowUpsModule,
      ScorecardsModule,
    ],
  }),
};
