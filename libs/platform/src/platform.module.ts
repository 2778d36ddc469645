import { InboxPruning1764000000001, Messaging, MessagingConfig, MessagingTables1764000000000 } from '@bangbang/messaging';
import { loadConfig } from '@bangbang/observability';
import { DatabaseConfig, databaseUrlFor, dataSourceOptions, EntityClass, MigrationClass, runMigrationsLocked } from '@bangbang/persistence';
import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { OrgUnitCopy1764000000010, OrgUnitCopyHandler } from './org-unit-copy.handler';

export interface PlatformOptions {
  service: string;
  entities: EntityClass[];
  migrations: MigrationClass[];
  /** Topics this service publishes to; created at start-up with their dead-letter topics. */
  producedTopics: string[];
  env: NodeJS.ProcessEnv;
  /** Keeps a local copy of the org tree from the directory's events (table, migration and handler). */
  orgUnitCopy?: boolean;
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly messaging: Messaging,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformOptions,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.messaging.start(this.options.producedTopics);
  }

  // After the consumers have drained, so a dead-letter publish still has its producer.
  onApplicationShutdown(): Promise<void> {
    return this.messaging.stop();
  }
}

/** Database (migrated at start), bus, health and metrics: what every service is built on. */
@Module({})
export class PlatformModule {
  static forService(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            const db = loadConfig(DatabaseConfig, options.env);
            return dataSourceOptions({
              url: databaseUrlFor(options.service, options.env),
              poolSize: db.DATABASE_POOL_SIZE,
              poolWaitMs: db.DATABASE_POOL_WAIT_MS,
              preparedStatements: db.DATABASE_PREPARED_STATEMENTS,
              entities: options.entities,
              migrations: [
                MessagingTables1764000000000,
                InboxPruning1764000000001,
                ...(options.orgUnitCopy ? [OrgUnitCopy1764000000010] : []),
                ...options.migrations,
              ],
            });
          },
          dataSourceFactory: async (dsOptions) => {
            const ds = await new DataSource(dsOptions!).initialize();
            await runMigrationsLocked(ds);
            return ds;
          },
        }),
      ],
      controllers: [HealthController, MetricsController, ...(options.orgUnitCopy ? [OrgUnitCopyHandler] : [])],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        {
          provide: Messaging,
          inject: [DataSource],
          useFactory: (ds: DataSource) => new Messaging(options.service, ds, { config: loadConfig(MessagingConfig, options.env) }),
        },
        MessagingLifecycle,
      ],
      exports: [Messaging, PLATFORM_OPTIONS],
    };
  }
}
