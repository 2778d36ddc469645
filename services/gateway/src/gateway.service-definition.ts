import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';

@Module({})
class GatewayAppModule {}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  defaultPort: 3000,
  consumesEvents: false,
  module: (env) => ({
    module: GatewayAppModule,
    imports: [
      PlatformModule.forService({
        service: 'gateway',
        entities: [],
        migrations: [],
        producedTopics: [TOPICS.directory],
        env,
      }),
    ],
  }),
};
