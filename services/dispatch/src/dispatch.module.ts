import { ConfigError, loadConfig } from '@bangbang/observability';
import { DynamicModule, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ClockScanner } from './clocks/clock-scanner';
import { Clocks } from './clocks/clocks';
import { DISPATCH_CONFIG, DispatchConfig, DISTRICT_WEIGHTS } from './dispatch.config';
import { FiguresController } from './figures/figures.controller';
import { FiguresService } from './figures/figures.service';
import { Dispatcher } from './jobs/dispatcher';
import { ProviderJobsService } from './jobs/provider-jobs.service';
import { parseDistrictWeights } from './matching/weights';
import { RequestEventsHandler } from './jobs/request-events.handler';
import { StaffJobsController } from './jobs/staff-jobs.controller';
import { StaffJobsService } from './jobs/staff-jobs.service';
import { OffersService } from './offers/offers.service';
import { ProviderEventsHandler } from './providers/provider-events.handler';
import { ProviderReportsController } from './reports/provider-reports.controller';

function dispatchConfig(env: NodeJS.ProcessEnv): DispatchConfig {
  const config = loadConfig(DispatchConfig, env);
  config.DISPATCH_INSTANCE_ID ||= `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  return config;
}

function districtWeights(config: DispatchConfig) {
  try {
    return parseDistrictWeights(config.DISPATCH_WEIGHTS);
  } catch (err) {
    throw new ConfigError(`invalid configuration:\n  ${(err as Error).message}`);
  }
}

@Module({})
export class DispatchModule {
  static forService(env: NodeJS.ProcessEnv): DynamicModule {
    const config = dispatchConfig(env);
    return {
      module: DispatchModule,
      controllers: [ProviderReportsController, StaffJobsController, FiguresController, RequestEventsHandler, ProviderEventsHandler],
      providers: [
        { provide: DISPATCH_CONFIG, useValue: config },
        { provide: DISTRICT_WEIGHTS, useValue: districtWeights(config) },
        Clocks,
        Dispatcher,
        OffersService,
        ProviderJobsService,
        StaffJobsService,
        FiguresService,
        ClockScanner,
      ],
    };
  }
}
