import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';

@Module({})
class RatingAppModule {}

export const ratingService: ServiceDefinition = {
  name: 'rating',
  defaultPort: 3005,
  consumesEvents: false,
  module: (env) => ({
    module: RatingAppModule,
    imports: [
      PlatformModule.forService({
        service: 'rating',
        entities: [],
        migrations: [],
        producedTopics: [TOPICS.rating],
        env,
      }),
    ],
  }),
};
