import { Module } from '@nestjs/common';
import { FactEventsHandler } from './fact-events.handler';
import { FiguresController } from './figures.controller';
import { ReportsController } from './reports.controller';

@Module({ controllers: [FactEventsHandler, FiguresController, ReportsController] })
export class FiguresModule {}
