import { CurrentPrincipal, Principal, Roles } from '@bangbang/auth';
import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { unitOf } from '../access';
import { UnitJob } from './unit-job.entity';

/**
 * What the unit's jobs look like from here (offers, prices, sign-off). Offers are accepted and jobs
 * reported at dispatch's API; another unit's job is a 404, never a 403.
 */
@Controller('me/jobs')
@Roles('merchant')
export class OwnJobsController {
  constructor(private readonly ds: DataSource) {}

  @Get()
  list(@CurrentPrincipal() p: Principal): Promise<UnitJob[]> {
    return this.ds.manager.find(UnitJob, {
      where: { unitId: unitOf(p) },
      order: { assignedAt: { direction: 'DESC', nulls: 'LAST' } },
      take: 200,
    });
  }

  @Get(':requestId')
  async get(@CurrentPrincipal() p: Principal, @Param('requestId', new ParseUUIDPipe()) requestId: string): Promise<UnitJob> {
    const job = await this.ds.manager.findOneBy(UnitJob, { requestId, unitId: unitOf(p) });
    if (!job) throw new NotFoundException('job not found');
    return job;
  }
}
