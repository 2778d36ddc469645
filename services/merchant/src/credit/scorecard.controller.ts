import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ADMIN_READERS, unitOf } from '../access';
import { UnitsService } from '../units/units.service';
import { Scorecard, Scorecards } from './scorecard';

@Controller()
export class ScorecardController {
  constructor(
    private readonly scorecards: Scorecards,
    private readonly units: UnitsService,
  ) {}

  @Get('me/scorecard')
  @Roles('merchant')
  own(@CurrentPrincipal() p: Principal): Promise<Scorecard> {
    return this.scorecards.of(unitOf(p));
  }

  @Get('units/:id/scorecard')
  @Roles(...ADMIN_READERS)
  async unit(@CurrentPrincipal() p: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<Scorecard> {
    await this.units.get(p, id);
    return this.scorecards.of(id);
  }
}
