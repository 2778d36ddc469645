import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { HistoryImportDto, HistoryImportView } from './history-import.dto';
import { HistoryImportService } from './history-import.service';

@Controller('history-imports')
export class HistoryImportController {
  constructor(private readonly history: HistoryImportService) {}

  /**
   * A district moving onto Bangbang brings its past: completed requests from its previous hotline
   * system, at most 200 a call. Only the district's own admin may, since the figures of every
   * street and community under it will count them; each call is audited.
   */
  @Post()
  @HttpCode(200)
  @Roles('district_admin')
  import(@CurrentPrincipal() p: Principal, @Body() dto: HistoryImportDto, @Req() req: AuthenticatedRequest): Promise<HistoryImportView> {
    return this.history.import(p, dto, auditOrigin(req));
  }
}
