import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Module } from '@nestjs/common';
import { ApiKey } from './api-keys/api-key.entity';
import { UnitJob } from './jobs/unit-job.entity';
import { MerchantModule } from './merchant.module';
import { Merchant1764000000400 } from './migrations/1764000000400-merchant';
import { IdempotencyClaim1764000000410 } from './migrations/1764000000410-idempotency-claim';
import { UnitRedo1764000000420 } from './migrations/1764000000420-unit-redo';
import { ApiKeyScopes1764000000430 } from './migrations/1764000000430-api-key-scopes';
import { PendingChanges1764000000440 } from './migrations/1764000000440-pending-changes';
import { Offering } from './offerings/offering.entity';
import { PartnerUnit } from './units/partner-unit.entity';
import { WebhookAttempt, WebhookDelivery } from './webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from './webhooks/webhook-endpoint.entity';
import openApiMetadata from './openapi.metadata';

@Module({})
class MerchantAppModule {}

export const merchantService: ServiceDefinition = {
  name: 'merchant',
  openApiMetadata,
  defaultPort: 3003,
  consumesEvents: true,
  module: (env) => ({
    module: MerchantAppModule,
    imports: [
      PlatformModule.forService({
        service: 'merchant',
        entities: [PartnerUnit, Offering, ApiKey, WebhookEndpoint, WebhookDelivery, WebhookAttempt, UnitJob],
        migrations: [
          Merchant1764000000400,
          IdempotencyClaim1764000000410,
          UnitRedo1764000000420,
          ApiKeyScopes1764000000430,
          PendingChanges1764000000440,
        ],
        producedTopics: [TOPICS.merchant],
        env,
      }),
      AuthModule.forService(env),
      MerchantModule.forEnv(env),
    ],
  }),
};
