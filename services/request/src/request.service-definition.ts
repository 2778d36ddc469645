import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { loadConfig } from '@bangbang/observability';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Global, Module } from '@nestjs/common';
import { BookingVerification } from './booking/booking-verification.entity';
import { BookingModule } from './booking/booking.module';
import { AgentExtension } from './calls/agent-extension.entity';
import { Call } from './calls/call.entity';
import { Callback } from './calls/callback.entity';
import { CallsModule } from './calls/calls.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { Category, CommunityCategory } from './catalogue/category.entity';
import { OrgUnit } from './directory/org-unit.entity';
import { FeeEligibility } from './eligibility/fee-eligibility.entity';
import { Household } from './households/household.entity';
import { HistoryImportModule } from './history-import/history-import.module';
import { HouseholdsModule } from './households/households.module';
import { Resident, ResidentPhone } from './households/resident.entity';
import { ServiceRequests1764000000100 } from './migrations/1764000000100-service-requests';
import { RequestService1764000000110 } from './migrations/1764000000110-request-service';
import { SignOffLimits1764000000120 } from './migrations/1764000000120-sign-off-limits';
import { PublicBooking1764000000130 } from './migrations/1764000000130-public-booking';
import { Open311PublicListing1764000000140 } from './migrations/1764000000140-open311-public-listing';
import { Open311ProvisionalHouseholds1764000000150 } from './migrations/1764000000150-open311-provisional-households';
import { SealedNotifications1764000000160 } from './migrations/1764000000160-sealed-notifications';
import { HistoryImport1764000000170 } from './migrations/1764000000170-history-import';
import { Calls1764000000180 } from './migrations/1764000000180-calls';
import { NotificationWakeup1764000000188 } from './migrations/1764000000188-notification-wakeup';
import { NotificationDueOrder1764000000190 } from './migrations/1764000000190-notification-due-order';
import { Notification } from './notifications/notification.entity';
import { NotificationsModule } from './notifications/notifications.module';
import { Open311Client } from './open311/open311-client.entity';
import { Open311Module } from './open311/open311.module';
import { MESSAGE_SEALER, MessageSealer } from './notifications/message-sealer';
import { checkedRequestConfig, REQUEST_CONFIG, RequestConfig } from './request.config';
import { RequestsModule } from './requests/requests.module';
import { ServiceRequest, TimelineEntry } from './requests/service-request.entity';
import { StatusModule } from './status/status.module';
import { SignOffCode } from './sign-off/sign-off-code.entity';
import openApiMetadata from './openapi.metadata';

export const REQUEST_ENTITIES = [
  OrgUnit,
  Category,
  CommunityCategory,
  Household,
  Resident,
  ResidentPhone,
  FeeEligibility,
  ServiceRequest,
  TimelineEntry,
  SignOffCode,
  Open311Client,
  Notification,
  BookingVerification,
  Call,
  Callback,
  AgentExtension,
];

@Global()
@Module({})
class RequestConfigModule {}

@Module({})
class RequestAppModule {}

export const requestService: ServiceDefinition = {
  name: 'request',
  openApiMetadata,
  defaultPort: 3001,
  consumesEvents: true,
  module: (env) => {
    const config = checkedRequestConfig(loadConfig(RequestConfig, env));
    return {
      module: RequestAppModule,
      imports: [
        PlatformModule.forService({
          service: 'request',
          entities: REQUEST_ENTITIES,
          migrations: [
            ServiceRequests1764000000100,
            RequestService1764000000110,
            SignOffLimits1764000000120,
            PublicBooking1764000000130,
            Open311PublicListing1764000000140,
            Open311ProvisionalHouseholds1764000000150,
            SealedNotifications1764000000160,
            HistoryImport1764000000170,
            Calls1764000000180,
            NotificationWakeup1764000000188,
            NotificationDueOrder1764000000190,
          ],
          producedTopics: [TOPICS.request],
          orgUnitCopy: true,
          env,
        }),
        {
          module: RequestConfigModule,
          providers: [
            { provide: REQUEST_CONFIG, useValue: config },
            { provide: MESSAGE_SEALER, useValue: new MessageSealer(config.NOTIFICATION_KEY) },
          ],
          exports: [REQUEST_CONFIG, MESSAGE_SEALER],
        },
        AuthModule.forService(env),
        CatalogueModule,
        HouseholdsModule,
        RequestsModule,
        Open311Module,
        BookingModule,
        StatusModule,
        NotificationsModule,
        HistoryImportModule,
        CallsModule,
      ],
    };
  },
};
