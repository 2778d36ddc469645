import { CloudEvent, RatingSubmitted, RatingSubmittedV1, RequestSignedOff, RequestSignedOffV1 } from '@bangbang/contracts';
import { EventContext, OnEvent } from '@bangbang/messaging';
import { getLogger } from '@bangbang/observability';
import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { EntityManager } from 'typeorm';
import { poolAccount, volunteerAccount } from '../ledger/ledger';
import { LedgerService } from '../ledger/ledger.service';
import { volunteersOnly } from '../app/volunteers-only';
import { Volunteer } from '../registration/volunteer.entity';
import { recordVolunteerRating } from '../teams/volunteer-ratings';
import { PointsConfigService } from './points-config.service';
import { earnsRatingBonus, jobAward, ratingBonus } from './points-rules';

const SYSTEM = 'system:volunteer';

/**
 * Earning from jobs. Each award is a ledger entry referenced by the job (`job:<requestId>`), so a
 * fact delivered twice, or signed off again after a redo, awards nothing more. Points come from
 * the pool of the volunteer's home community, by that community's rules.
 */
@Controller()
export class JobEventsHandler {
  private readonly log = getLogger('job-points');

  constructor(
    private readonly ledger: LedgerService,
    private readonly config: PointsConfigService,
  ) {}

  @OnEvent(RequestSignedOff, volunteersOnly)
  async onSignedOff(@Payload() event: CloudEvent<RequestSignedOffV1>, @Ctx() ctx: EventContext): Promise<void> {
    const job = event.data;
    const m = ctx.manager;
    const volunteer = await this.volunteer(m, job.providerId, job.requestId);
    if (!volunteer) return;
    await m.query(
      `INSERT INTO job_signoff (request_id, volunteer_id, org_path, category_code, solved, signed_off_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (request_id) DO UPDATE SET volunteer_id = $2, solved = $5, signed_off_at = $6 WHERE job_signoff.signed_off_at < $6`,
      [job.requestId, volunteer.id, volunteer.orgPath, job.categoryCode, job.solved, job.at],
    );
    const award = jobAward(await this.config.effective(m, volunteer.orgPath), job);
    await this.award(m, volunteer, 'job', `job:${job.requestId}`, award.base);
    await this.award(m, volunteer, 'bonus', `job-bonus:${job.requestId}`, award.bonus, 'free job bonus');
  }

  /** Only the first rating earns points: amendments are another event type, which only the teams' scorecards read. */
  @OnEvent(RatingSubmitted, volunteersOnly)
  async onRated(@Payload() event: CloudEvent<RatingSubmittedV1>, @Ctx() ctx: EventContext): Promise<void> {
    const r = event.data;
    await recordVolunteerRating(ctx.manager, r);
    // Decided before any lookup: most ratings earn nothing and need no volunteer or config read.
    if (!earnsRatingBonus(r.provider)) return;
    const volunteer = await this.volunteer(ctx.manager, r.providerId, r.requestId);
    if (!volunteer) return;
    const bonus = ratingBonus(await this.config.effective(ctx.manager, volunteer.orgPath), r.provider);
    await this.award(ctx.manager, volunteer, 'bonus', `rating:${r.requestId}`, bonus, 'rated satisfied');
  }

  private async volunteer(m: EntityManager, id: string, requestId: string): Promise<Volunteer | null> {
    const volunteer = await m.findOneBy(Volunteer, { id });
    if (!volunteer) this.log.warn({ volunteerId: id, requestId }, 'job of an unknown volunteer: no points');
    return volunteer;
  }

  private async award(m: EntityManager, v: Volunteer, kind: 'job' | 'bonus', reference: string, points: number, reason?: string) {
    if (points <= 0) return;
    await this.ledger.post(m, {
      kind,
      reference,
      volunteerId: v.id,
      orgPath: v.orgPath,
      postedBy: SYSTEM,
      reason,
      lines: [
        { account: volunteerAccount(v.id), amount: points },
        { account: poolAccount(v.orgPath), amount: -points },
      ],
    });
  }
}
