import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';
import { DispatchModule } from './dispatch.module';
import { DispatchJob } from './jobs/dispatch-job.entity';
import { DispatchJobs1764000000200 } from './migrations/1764000000200-dispatch-jobs';
import { DispatchMatching1764000000201 } from './migrations/1764000000201-dispatch-matching';
import { MinimalRequestFacts1764000000202 } from './migrations/1764000000202-minimal-request-facts';
import { SpreadWork1764000000203 } from './migrations/1764000000203-spread-work';
import { Offer } from './offers/offer.entity';
import openApiMetadata from './openapi.metadata';

@Module({})
class DispatchAppModule {}

export const dispatchService: ServiceDefinition = {
  name: 'dispatch',
  openApiMetadata,
  defaultPort: 3002,
  consumesEvents: true,
  module: (env) => ({
    module: DispatchAppModule,
    imports: [
      PlatformModule.forService({
        service: 'dispatch',
        entities: [DispatchJob, Offer],
        migrations: [DispatchJobs1764000000200, DispatchMatching1764000000201, MinimalRequestFacts1764000000202, SpreadWork1764000000203],
        producedTopics: [TOPICS.dispatch],
        env,
      }),
      AuthModule.forService(env),
      DispatchModule.forService(env),
    ],
  }),
};
