import { Module } from '@nestjs/common';
import { FactEventsHandler } from './fact-events.handler';
import { FiguresController } from './figures.controller';
import { QualityPublisher } from './quality-publisher';
import { ReportsController } from './reports.controller';

@Module({ controllers: [FactEventsHandler, FiguresController, ReportsController], providers: [QualityPublisher] })
export class FiguresModule {}
