import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DispatchEventsHandler } from './dispatch-events.handler';
import { IntakeService } from './intake.service';
import { RequestCloser } from './request-closer';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [CatalogueModule],
  controllers: [RequestsController, DispatchEventsHandler],
  providers: [IntakeService, RequestsService, RequestCloser],
  exports: [IntakeService],
})
export class RequestsModule {}
