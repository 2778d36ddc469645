import { Module } from '@nestjs/common';
import { JobsController } from './jobs.controller';
import { RequestEventsHandler } from './request-events.handler';

@Module({ controllers: [JobsController, RequestEventsHandler] })
export class JobsModule {}
