import { Module } from '@nestjs/common';
import { CallRecorder } from './call-recorder';
import { CallbackEscalator } from './callback-escalator';
import { CallbacksService } from './callbacks.service';
import { CallbacksController, CallsController } from './calls.controller';
import { CallsService } from './calls.service';
import { ExtensionsController } from './extensions.controller';
import { PbxEventsHandler } from './pbx-events.handler';

@Module({
  controllers: [CallsController, CallbacksController, ExtensionsController, PbxEventsHandler],
  providers: [CallRecorder, CallsService, CallbacksService, CallbackEscalator],
})
export class CallsModule {}
