import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';
import { ServiceRequests1764000000100 } from './migrations/1764000000100-service-requests';
import { RequestsModule } from './requests/requests.module';
import { ServiceRequest } from './requests/service-request.entity';

@Module({})
class RequestAppModule {}

export const requestService: ServiceDefinition = {
  name: 'request',
  defaultPort: 3001,
  consumesEvents: false,
  module: (env) => ({
    module: RequestAppModule,
    imports: [
      PlatformModule.forService({
        service: 'request',
        entities: [ServiceRequest],
        migrations: [ServiceRequests1764000000100],
        producedTopics: [TOPICS.request],
        env,
      }),
      RequestsModule,
    ],
  }),
};
