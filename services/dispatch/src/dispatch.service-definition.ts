import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';
import { DispatchJob } from './jobs/dispatch-job.entity';
import { JobsModule } from './jobs/jobs.module';
import { DispatchJobs1764000000200 } from './migrations/1764000000200-dispatch-jobs';

@Module({})
class DispatchAppModule {}

export const dispatchService: ServiceDefinition = {
  name: 'dispatch',
  defaultPort: 3002,
  consumesEvents: true,
  module: (env) => ({
    module: DispatchAppModule,
    imports: [
      PlatformModule.forService({
        service: 'dispatch',
        entities: [DispatchJob],
        migrations: [DispatchJobs1764000000200],
        producedTopics: [TOPICS.dispatch],
        env,
      }),
      JobsModule,
    ],
  }),
};
