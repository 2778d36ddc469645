import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueService } from './catalogue.service';
import { PublicCatalogueController } from './public-catalogue.controller';

@Module({ controllers: [CatalogueController, PublicCatalogueController], providers: [CatalogueService], exports: [CatalogueService] })
export class CatalogueModule {}
