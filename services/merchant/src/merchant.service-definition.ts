import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';

@Module({})
class MerchantAppModule {}

export const merchantService: ServiceDefinition = {
  name: 'merchant',
  defaultPort: 3003,
  consumesEvents: false,
  module: (env) => ({
    module: MerchantAppModule,
    imports: [
      PlatformModule.forService({
        service: 'merchant',
        entities: [],
        migrations: [],
        producedTopics: [TOPICS.merchant],
        env,
      }),
    ],
  }),
};
