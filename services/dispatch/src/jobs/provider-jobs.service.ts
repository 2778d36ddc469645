import type { Principal } from '@bangbang/auth';
import { JobCompleted, JobOnSite, JobProviderCancelled } from '@bangbang/contracts';
import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { DispatchJob } from './dispatch-job.entity';
import { Dispatcher } from './dispatcher';
import { actsAs, jobFact } from './job-facts';
import { assertMove, HOLDING_STATES, IllegalTransition, JobState } from './job-state';

/** The reports of the provider holding a job: on site, completed, or giving it back. */
@Injectable()
export class ProviderJobsService {
  constructor(private readonly dispatcher: Dispatcher) {}

  async mine(m: EntityManager, principal: Principal): Promise<DispatchJob[]> {
    const jobs = await m.find(DispatchJob, {
      where: { providerId: principal.id, state: In(['assigned', 'on_site', 'completed']) },
      order: { assignedAt: 'ASC' },
    });
    return jobs.filter((j) => actsAs(principal, j.providerId!, j.providerKind!));
  }

  async onSite(m: EntityManager, principal: Principal, requestId: string, now: Date): Promise<DispatchJob> {
    const job = await this.held(m, principal, requestId);
    this.move(job.state, 'on_site');
    await this.dispatcher.patch(m, job, { state: 'on_site', onSiteAt: now }, now);
    await this.dispatcher.publish(m, job, JobOnSite, this.fact(job, now));
    return job;
  }

  async complete(
    m: EntityManager,
    principal: Principal,
    requestId: string,
    report: { notes?: string; priceChargedFen: number },
    now: Date,
  ): Promise<DispatchJob> {
    const job = await this.held(m, principal, requestId);
    this.move(job.state, 'completed');
    if (job.feePolicy === 'free' && report.priceChargedFen !== 0) {
      throw new UnprocessableEntityException('priceChargedFen must be 0: this job is free for the resident');
    }
    await this.dispatcher.patch(
      m,
      job,
      { state: 'completed', completedAt: now, priceChargedFen: report.priceChargedFen, completionNotes: report.notes ?? null },
      now,
    );
    await this.dispatcher.publish(m, job, JobCompleted, {
      ...this.fact(job, now),
      notes: report.notes,
      priceChargedFen: report.priceChargedFen,
    });
    return job;
  }

  /** The provider gives the job back: it goes to the next candidate, this provider excluded. */
  async cancel(m: EntityManager, principal: Principal, requestId: string, reason: string, now: Date): Promise<DispatchJob> {
    const job = await this.held(m, principal, requestId);
    if (!HOLDING_STATES.includes(job.state)) throw new ConflictException(new IllegalTransition(job.state, 'offering').message);
    await this.dispatcher.publish(m, job, JobProviderCancelled, { ...this.fact(job, now), reason });
    await this.dispatcher.patch(
      m,
      job,
      {
        state: 'offering',
        level: 'community',
        previousProviderId: job.providerId,
        providerId: null,
        providerKind: null,
        providerName: null,
        assignedAt: null,
        onSiteAt: null,
      },
      now,
    );
    await this.dispatcher.fill(m, job, now);
    return job;
  }

  /** The job, locked, if the caller holds it; anyone else's looks absent. */
  private async held(m: EntityManager, principal: Principal, requestId: string): Promise<DispatchJob> {
    const job = await this.dispatcher.find(m, requestId);
    if (!job?.providerId || !actsAs(principal, job.providerId, job.providerKind!)) throw new NotFoundException('job not found');
    return job;
  }

  private move(from: JobState, to: JobState): void {
    try {
      assertMove(from, to);
    } catch (err) {
      if (err instanceof IllegalTransition) throw new ConflictException(`cannot report ${to.replace('_', ' ')}: ${err.message}`);
      throw err;
    }
  }

  private fact(job: DispatchJob, now: Date) {
    return { ...jobFact(job, now), providerId: job.providerId!, providerKind: job.providerKind! };
  }
}
