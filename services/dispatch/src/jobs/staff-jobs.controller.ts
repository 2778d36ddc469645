import { auditOrigin, AuthenticatedRequest, CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Offer } from '../offers/offer.entity';
import { StoredRanking } from './dispatch-job.entity';
import { AssignDto, ListJobsQuery } from './job.dto';
import { JobView, jobView, STAFF_ASSIGNERS, STAFF_READERS, StaffJobsService } from './staff-jobs.service';

const uuid = new ParseUUIDPipe();

@Controller('jobs')
export class StaffJobsController {
  constructor(
    private readonly ds: DataSource,
    private readonly staff: StaffJobsService,
  ) {}

  /** Open jobs in the caller's scope, breached first, with the time left on each deadline. */
  @Get()
  @Roles(...STAFF_READERS)
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListJobsQuery): Promise<JobView[]> {
    return this.staff.list(principal, query, new Date());
  }

  /** Staff in scope, or the provider holding the job. */
  @Get(':requestId')
  async get(@CurrentPrincipal() principal: Principal, @Param('requestId', uuid) requestId: string): Promise<JobView> {
    return jobView(await this.staff.get(principal, requestId), new Date());
  }

  /** Every offer ever made for the job, oldest first, with how each ended. */
  @Get(':requestId/offers')
  @Roles(...STAFF_READERS)
  offers(@CurrentPrincipal() principal: Principal, @Param('requestId', uuid) requestId: string): Promise<Offer[]> {
    return this.staff.offers(principal, requestId);
  }

  /** The ranked candidates at each level searched, with the reason for every score and exclusion. */
  @Get(':requestId/candidates')
  @Roles(...STAFF_READERS)
  candidates(@CurrentPrincipal() principal: Principal, @Param('requestId', uuid) requestId: string): Promise<StoredRanking[]> {
    return this.staff.candidates(principal, requestId);
  }

  /** Assigns or reassigns by hand, with the reason; refused naming the rule the provider breaks. */
  @Post(':requestId/assign')
  @HttpCode(200)
  @Roles(...STAFF_ASSIGNERS)
  assign(
    @CurrentPrincipal() principal: Principal,
    @Param('requestId', uuid) requestId: string,
    @Body() dto: AssignDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<JobView> {
    return this.ds.transaction((m) => this.staff.assign(m, principal, requestId, dto, auditOrigin(request), new Date()));
  }
}
