import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { RequestsModule } from '../requests/requests.module';
import { Open311ClientsController } from './open311-clients.controller';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

@Module({
  imports: [CatalogueModule, RequestsModule],
  controllers: [Open311Controller, Open311ClientsController],
  providers: [Open311Service],
})
export class Open311Module {}
