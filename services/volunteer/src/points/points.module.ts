import { Module } from '@nestjs/common';
import { JobEventsHandler } from './job-events.handler';
import { PointsConfigController } from './points-config.controller';

@Module({ controllers: [JobEventsHandler, PointsConfigController] })
export class PointsModule {}
