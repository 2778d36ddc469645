import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';
import { Rating1764000000500 } from './migrations/1764000000500-rating';
import { FiguresModule, FollowUpsModule, RatingConfigModule, RatingsModule, ScorecardsModule } from './rating.modules';
import openApiMetadata from './openapi.metadata';

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
        migrations: [Rating1764000000500],
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
