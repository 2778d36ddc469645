import { CurrentPrincipal, Principal, Roles, scopedRepository } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ADMINS, audit, HttpRequestLike, READERS } from '../access';
import { ApplicationDto, ListQuery, RejectDto, ReviewDto, SpecialtyDto, TrainingDto } from './application.dto';
import { RegistrationService } from './registration.service';
import { Volunteer } from './volunteer.entity';
import { VolunteerView } from './volunteer-view';

export class VolunteerSummary {
  id: string;
  displayName: string;
  orgPath: string;
  status: Volunteer['status'];
  appliedAt: Date;
}

@Controller()
export class RegistrationController {
  constructor(
    private readonly ds: DataSource,
    private readonly registration: RegistrationService,
    private readonly view: VolunteerView,
  ) {}

  /** A volunteer (signed in as one at the gateway) applies; a rejected applicant may apply again. */
  @Post('applications')
  @Roles('volunteer')
  async apply(@CurrentPrincipal() p: Principal, @Body() dto: ApplicationDto) {
    return this.ds.transaction(async (m) => this.view.describe(m, await this.registration.apply(m, p, dto), { maskCertificates: false }));
  }

  @Get('volunteers')
  @Roles(...READERS)
  async list(@CurrentPrincipal() p: Principal, @Query() q: ListQuery): Promise<VolunteerSummary[]> {
    const rows = await scopedRepository(this.ds.manager, Volunteer, p).find({
      where: q.status ? { status: q.status as Volunteer['status'] } : {},
      order: { appliedAt: 'ASC' },
      take: 500,
    });
    return rows.map((v) => ({ id: v.id, displayName: v.displayName, orgPath: v.orgPath, status: v.status, appliedAt: v.appliedAt }));
  }

  @Get('volunteers/:id')
  @Roles(...READERS)
  async get(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    const v = await scopedRepository(this.ds.manager, Volunteer, p).get({ id }, 'volunteer');
    return this.view.describe(this.ds.manager, v, { maskCertificates: true });
  }

  @Post('volunteers/:id/approve')
  @Roles(...ADMINS)
  @HttpCode(200)
  approve(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: ReviewDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.approved', (m) => this.registration.approve(m, p, id, dto.reason));
  }

  @Post('volunteers/:id/reject')
  @Roles(...ADMINS)
  @HttpCode(200)
  reject(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RejectDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.rejected', (m) => this.registration.reject(m, p, id, dto.reason));
  }

  @Post('volunteers/:id/suspend')
  @Roles(...ADMINS)
  @HttpCode(200)
  suspend(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RejectDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.suspended', (m) => this.registration.suspend(m, p, id, true, dto.reason));
  }

  @Post('volunteers/:id/reinstate')
  @Roles(...ADMINS)
  @HttpCode(200)
  reinstate(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: RejectDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.reinstated', (m) => this.registration.suspend(m, p, id, false, dto.reason));
  }

  @Post('volunteers/:id/training')
  @Roles(...ADMINS)
  @HttpCode(200)
  train(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: TrainingDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.training-recorded', async (m) => {
      await this.registration.recordTraining(m, p, id, dto);
      return m.findOneByOrFail(Volunteer, { id });
    });
  }

  @Post('volunteers/:id/certificates')
  @Roles(...ADMINS)
  @HttpCode(200)
  certify(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Body() dto: SpecialtyDto, @Req() req: HttpRequestLike) {
    return this.change(p, req, id, 'volunteer.certificate-recorded', async (m) => {
      await this.registration.certify(m, p, id, dto);
      return m.findOneByOrFail(Volunteer, { id });
    });
  }

  private async change(p: Principal, req: HttpRequestLike, id: string, action: string, fn: (m: EntityManager) => Promise<Volunteer>) {
    // The answer is read in the change's transaction: a failure to read it (a pool wait run out is a
    // 503, "nothing was changed") then undoes the change, and a client's repeat is not refused as a double.
    return this.ds.transaction(async (m) => {
      const changed = await fn(m);
      await audit(m, p, req, action, 'volunteer', id);
      return this.view.describe(m, changed, { maskCertificates: true });
    });
  }
}
