import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DataSource, EntityManager } from 'typeorm';
import { CompleteDto, DeclineDto, ProviderCancelDto } from '../jobs/job.dto';
import { ProviderJobsService } from '../jobs/provider-jobs.service';
import { JobView, jobView } from '../jobs/staff-jobs.service';
import { OffersService, OfferView } from '../offers/offers.service';
import { idempotent } from './idempotency';

const uuid = new ParseUUIDPipe();

/**
 * What partner units' systems (through the gateway, with their API key) and volunteers (the app)
 * do: answer offers and report on the jobs they hold. Reports honour an Idempotency-Key header.
 */
@Controller()
@Roles('merchant', 'volunteer')
export class ProviderReportsController {
  constructor(
    private readonly ds: DataSource,
    private readonly offers: OffersService,
    private readonly jobs: ProviderJobsService,
  ) {}

  @Get('offers')
  mine(@CurrentPrincipal() principal: Principal): Promise<OfferView[]> {
    return this.offers.mine(this.ds.manager, principal);
  }

  @Get('jobs/mine')
  async myJobs(@CurrentPrincipal() principal: Principal): Promise<JobView[]> {
    const now = new Date();
    return (await this.jobs.mine(this.ds.manager, principal)).map((j) => jobView(j, now));
  }

  @Post('offers/:offerId/accept')
  @HttpCode(200)
  accept(
    @Param('offerId', uuid) offerId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<OfferView> {
    return this.report(p, req, res, (m, now) => this.offers.accept(m, p, offerId, now));
  }

  @Post('offers/:offerId/decline')
  @HttpCode(200)
  decline(
    @Param('offerId', uuid) offerId: string,
    @Body() dto: DeclineDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<OfferView> {
    return this.report(p, req, res, (m, now) => this.offers.decline(m, p, offerId, dto.reason, now));
  }

  @Post('jobs/:requestId/on-site')
  @HttpCode(200)
  onSite(
    @Param('requestId', uuid) requestId: string,
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JobView> {
    return this.report(p, req, res, async (m, now) => jobView(await this.jobs.onSite(m, p, requestId, now), now));
  }

  @Post('jobs/:requestId/complete')
  @HttpCode(200)
  complete(
    @Param('requestId', uuid) requestId: string,
    @Body() dto: CompleteDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JobView> {
    return this.report(p, req, res, async (m, now) => jobView(await this.jobs.complete(m, p, requestId, dto, now), now));
  }

  /** The provider gives the job back; it is offered to the next candidate. */
  @Post('jobs/:requestId/cancel')
  @HttpCode(200)
  cancel(
    @Param('requestId', uuid) requestId: string,
    @Body() dto: ProviderCancelDto,
    @CurrentPrincipal() p: Principal,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<JobView> {
    return this.report(p, req, res, async (m, now) => jobView(await this.jobs.cancel(m, p, requestId, dto.reason, now), now));
  }

  private async report<T>(
    principal: Principal,
    req: FastifyRequest,
    res: FastifyReply,
    work: (m: EntityManager, now: Date) => Promise<T>,
  ): Promise<T> {
    const key = req.headers['idempotency-key'];
    const request = { method: req.method, url: req.url, body: req.body };
    const result = await idempotent(this.ds, principal, Array.isArray(key) ? key[0] : key, request, (m) => work(m, new Date()));
    if (result.replayed) res.header('idempotent-replayed', 'true');
    return result.body;
  }
}
