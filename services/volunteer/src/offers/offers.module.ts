import { Module } from '@nestjs/common';
import { DispatchEventsHandler } from './dispatch-events.handler';

@Module({ controllers: [DispatchEventsHandler] })
export class OffersModule {}
