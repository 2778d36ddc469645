import { Module } from '@nestjs/common';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { HistoryImportController } from './history-import.controller';
import { HistoryImportService } from './history-import.service';

@Module({
  imports: [CatalogueModule],
  controllers: [HistoryImportController],
  providers: [HistoryImportService],
})
export class HistoryImportModule {}
