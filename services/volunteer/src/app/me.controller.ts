import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { IsDateTime } from '@bangbang/platform';
import { BadRequestException, Body, Controller, Get, NotFoundException, Put, Query } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { volunteerAccount } from '../ledger/ledger';
import { PointsHistoryEntry, LedgerService } from '../ledger/ledger.service';
import { OfferView } from '../offers/offer-view.entity';
import { AvailabilityDto } from '../registration/application.dto';
import { RegistrationService } from '../registration/registration.service';
import { Volunteer } from '../registration/volunteer.entity';
import { VolunteerView } from '../registration/volunteer-view';

export class StatementQuery {
  @IsOptional() @IsDateTime() from?: string;
  @IsOptional() @IsDateTime() to?: string;
}

export class HistoryQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) limit?: number;
}

export class OffersQuery {
  @IsOptional() @IsIn(['open', 'accepted', 'declined', 'expired', 'withdrawn']) status?: string;
}

/** The volunteer app: a volunteer's own registration, availability, points and offers. */
@Controller('me')
@Roles('volunteer')
export class MeController {
  constructor(
    private readonly ds: DataSource,
    private readonly registration: RegistrationService,
    private readonly view: VolunteerView,
    private readonly ledger: LedgerService,
  ) {}

  @Get()
  async me(@CurrentPrincipal() p: Principal) {
    return this.view.describe(this.ds.manager, await this.self(p), { maskCertificates: false });
  }

  @Put('availability')
  async availability(@CurrentPrincipal() p: Principal, @Body() dto: AvailabilityDto) {
    return this.ds.transaction(async (m) =>
      this.view.describe(m, await this.registration.setAvailability(m, p.id, dto), { maskCertificates: false }),
    );
  }

  /** Balance, lifetime points and star level. */
  @Get('points')
  async points(@CurrentPrincipal() p: Principal) {
    return this.view.points(this.ds.manager, await this.self(p));
  }

  /** Any period; by default from the first entry until now. Opening + movements = closing. */
  @Get('statement')
  async statement(@CurrentPrincipal() p: Principal, @Query() q: StatementQuery) {
    await this.self(p);
    const from = q.from ? new Date(q.from) : new Date(0);
    const to = q.to ? new Date(q.to) : new Date();
    if (from >= to) throw new BadRequestException('from must be before to');
    return this.ledger.statement(this.ds.manager, volunteerAccount(p.id), from, to);
  }

  @Get('history')
  async history(@CurrentPrincipal() p: Principal, @Query() q: HistoryQuery): Promise<PointsHistoryEntry[]> {
    await this.self(p);
    return this.ledger.history(this.ds.manager, p.id, q.limit ?? 100);
  }

  /** Offers made to me; accept or decline them through dispatch's API. */
  @Get('offers')
  offers(@CurrentPrincipal() p: Principal, @Query() q: OffersQuery) {
    return this.ds.getRepository(OfferView).find({
      where: { volunteerId: p.id, ...(q.status ? { status: q.status } : {}) },
      order: { updatedAt: 'DESC' },
      take: 200,
    });
  }

  private async self(p: Principal): Promise<Volunteer> {
    const v = await this.ds.getRepository(Volunteer).findOneBy({ id: p.id });
    if (!v) throw new NotFoundException('no registration for this volunteer: apply first');
    return v;
  }
}
