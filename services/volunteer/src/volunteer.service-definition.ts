import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';

@Module({})
class VolunteerAppModule {}

export const volunteerService: ServiceDefinition = {
  name: 'volunteer',
  defaultPort: 3004,
  consumesEvents: false,
  module: (env) => ({
    module: VolunteerAppModule,
    imports: [
      PlatformModule.forService({
        service: 'volunteer',
        entities: [],
        migrations: [],
        producedTopics: [TOPICS.volunteer],
        env,
      }),
    ],
  }),
};
