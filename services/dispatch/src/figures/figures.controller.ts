import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { STAFF_READERS } from '../jobs/staff-jobs.service';
import { ProviderFiguresQuery, ProviderFiguresView } from './figures.dto';
import { FiguresService } from './figures.service';

@Controller('figures')
export class FiguresController {
  constructor(private readonly figures: FiguresService) {}

  /** Offers, accepts, declines and timeouts per provider, and how evenly each community's jobs were shared (Gini). */
  @Get('providers')
  @Roles(...STAFF_READERS)
  providers(@CurrentPrincipal() principal: Principal, @Query() query: ProviderFiguresQuery): Promise<ProviderFiguresView> {
    return this.figures.providers(principal, query);
  }
}
