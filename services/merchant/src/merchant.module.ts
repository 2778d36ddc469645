import { loadConfig } from '@bangbang/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { OwnApiKeysController, UnitApiKeysController } from './api-keys/api-keys.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { KeySweeper } from './api-keys/key-sweeper';
import { CreditService } from './credit/credit.service';
import { Scorecards } from './credit/scorecard';
import { ScorecardController } from './credit/scorecard.controller';
import { DirectoryController } from './directory/directory.controller';
import { Idempotent } from './idempotency/idempotency.interceptor';
import { DispatchEventsHandler } from './jobs/dispatch-events.handler';
import { JobFactsService } from './jobs/job-facts.service';
import { OwnJobsController } from './jobs/jobs.controller';
import { RatingEventsHandler } from './jobs/rating-events.handler';
import { RequestEventsHandler } from './jobs/request-events.handler';
import { checkedMerchantConfig, MERCHANT_CONFIG, MerchantConfig } from './merchant.config';
import { OfferingsService } from './offerings/offerings.service';
import { OwnOfferingsController, UnitOfferingsController } from './offerings/offerings.controller';
import { OwnUnitController, UnitsController } from './units/units.controller';
import { UnitsService } from './units/units.service';
import { SECRET_BOX, SecretBox } from './webhooks/secret-box';
import { WebhookSender } from './webhooks/webhook-sender';
import { OwnWebhooksController, UnitWebhooksController } from './webhooks/webhooks.controller';
import { WebhooksService } from './webhooks/webhooks.service';

@Module({})
export class MerchantModule {
  static forEnv(env: NodeJS.ProcessEnv): DynamicModule {
    const config = checkedMerchantConfig(loadConfig(MerchantConfig, env));
    return {
      module: MerchantModule,
      controllers: [
        UnitsController,
        OwnUnitController,
        UnitOfferingsController,
        OwnOfferingsController,
        UnitApiKeysController,
        OwnApiKeysController,
        UnitWebhooksController,
        OwnWebhooksController,
        ScorecardController,
        OwnJobsController,
        DirectoryController,
        DispatchEventsHandler,
        RequestEventsHandler,
        RatingEventsHandler,
      ],
      providers: [
        { provide: MERCHANT_CONFIG, useValue: config },
        { provide: SECRET_BOX, useValue: new SecretBox(config.WEBHOOK_SECRET_KEY) },
        UnitsService,
        OfferingsService,
        ApiKeysService,
        KeySweeper,
        WebhooksService,
        WebhookSender,
        CreditService,
        Scorecards,
        JobFactsService,
        Idempotent,
      ],
    };
  }
}
