import { Global, Module } from '@nestjs/common';
import { PointsConfigService } from '../points/points-config.service';
import { LedgerService } from './ledger.service';

@Global()
@Module({ providers: [LedgerService, PointsConfigService], exports: [LedgerService, PointsConfigService] })
export class LedgerModule {}
