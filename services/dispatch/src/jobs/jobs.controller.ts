import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DispatchJob } from './dispatch-job.entity';

@Controller('jobs')
export class JobsController {
  constructor(private readonly ds: DataSource) {}

  @Get(':requestId')
  async get(@Param('requestId', new ParseUUIDPipe()) requestId: string): Promise<DispatchJob> {
    const job = await this.ds.getRepository(DispatchJob).findOneBy({ requestId });
    if (!job) throw new NotFoundException(`no job for request ${requestId}`);
    return job;
  }
}
