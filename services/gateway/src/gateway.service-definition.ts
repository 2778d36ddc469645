import { AuthModule } from '@bangbang/auth';
import { TOPICS } from '@bangbang/contracts';
import { loadConfig } from '@bangbang/observability';
import { PlatformModule, ServiceDefinition } from '@bangbang/platform';
import { Global, Module } from '@nestjs/common';
import { AuditRecord } from './audit/audit-record.entity';
import { AuditModule } from './audit/audit.module';
import { BlockedNumber } from './cti/blocked-number.entity';
import { CtiModule } from './cti/cti.module';
import { CtiToken } from './cti/cti-token.entity';
import { DeadLetterRedrive } from './dead-letters/dead-letter-redrive.entity';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { DirectoryModule } from './directory/directory.module';
import { OrgUnit } from './directory/org-unit.entity';
import { EdgeModule } from './edge/edge.module';
import { GATEWAY_OPENAPI_PATH } from './edge/openapi';
import { MerchantApiKey } from './edge/merchant-api-key.entity';
import { MerchantUnit } from './edge/merchant-unit.entity';
import { GatewayConfig } from './gateway.config';
import { GATEWAY_CONFIG, KEY_CIPHER } from './gateway-tokens';
import { IdentityModule } from './identity/identity.module';
import { RefreshToken } from './identity/refresh-token.entity';
import { StaffUser } from './identity/staff-user.entity';
import { KeysModule } from './keys/keys.module';
import { keyCipherFor } from './keys/key-cipher';
import { LiveModule } from './live/live.module';
import { SigningKey } from './keys/signing-key.entity';
import { SigningKeys } from './keys/signing-keys';
import { Gateway1764000000300 } from './migrations/1764000000300-gateway';
import { AccountKind1764000000310 } from './migrations/1764000000310-account-kind';
import { LoginThrottle1764000000320 } from './migrations/1764000000320-login-throttle';
import { MerchantUnit1764000000330 } from './migrations/1764000000330-merchant-unit';
import { ApiKeyScopes1764000000340 } from './migrations/1764000000340-api-key-scopes';
import { DeadLetterRedrive1764000000350 } from './migrations/1764000000350-dead-letter-redrive';
import { Cti1764000000360 } from './migrations/1764000000360-cti';
import { SharedLimits1764000000370 } from './migrations/1764000000370-shared-limits';
import openApiMetadata from './openapi.metadata';

export const GATEWAY_ENTITIES = [
  SigningKey,
  OrgUnit,
  StaffUser,
  RefreshToken,
  AuditRecord,
  MerchantApiKey,
  MerchantUnit,
  DeadLetterRedrive,
  CtiToken,
  BlockedNumber,
];
export const GATEWAY_MIGRATIONS = [
  Gateway1764000000300,
  AccountKind1764000000310,
  LoginThrottle1764000000320,
  MerchantUnit1764000000330,
  ApiKeyScopes1764000000340,
  DeadLetterRedrive1764000000350,
  Cti1764000000360,
  SharedLimits1764000000370,
];

@Global()
@Module({})
class GatewayConfigModule {}

@Module({})
class GatewayAppModule {}

export const gatewayService: ServiceDefinition = {
  name: 'gateway',
  openApiMetadata,
  defaultPort: 3000,
  consumesEvents: true,
  openApiPath: GATEWAY_OPENAPI_PATH,
  module: (env) => {
    const config = loadConfig(GatewayConfig, env);
    return {
      module: GatewayAppModule,
      imports: [
        PlatformModule.forService({
          service: 'gateway',
          entities: GATEWAY_ENTITIES,
          migrations: GATEWAY_MIGRATIONS,
          producedTopics: [TOPICS.directory, TOPICS.telephony],
          env,
        }),
        {
          module: GatewayConfigModule,
          providers: [
            { provide: GATEWAY_CONFIG, useValue: config },
            { provide: KEY_CIPHER, useValue: keyCipherFor(config) ?? null },
          ],
          exports: [GATEWAY_CONFIG, KEY_CIPHER],
        },
        // The gateway checks its own tokens against its key store, not over HTTP to itself.
        AuthModule.forService(env, {
          imports: [KeysModule],
          keySource: { inject: [SigningKeys], useFactory: (k: SigningKeys) => k.keySource },
        }),
        KeysModule,
        DirectoryModule,
        IdentityModule,
        AuditModule,
        EdgeModule,
        LiveModule,
        DeadLettersModule,
        CtiModule,
      ],
    };
  },
};
