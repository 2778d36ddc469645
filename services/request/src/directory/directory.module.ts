import { Module } from '@nestjs/common';
import { UnitEventsHandler } from './unit-events.handler';

@Module({ controllers: [UnitEventsHandler] })
export class DirectoryModule {}
