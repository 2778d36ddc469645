import { AuditOrigin, assertInScope, Principal, recordAudit } from '@bangbang/auth';
import { AuditRecorded, type ProviderKind, RatingAmended, RatingSubmitted, RedoRequested, type Satisfaction } from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { loadJob } from '../figures/fact-projector';
import type { JobFact } from '../figures/job-fact';
import { RATING_CONFIG, RatingConfig } from '../rating.config';
import { AmendDto, LinkRateDto, RateDto } from './rate.dto';
import { followUpReasons, redoReason, tokenMatches, windowClosesAt } from './rating-rules';

export class RatingRow {
  request_id: string;
  rating_id: string;
  revision: number;
  cycle: number;
  org_path: string;
  category_code: string;
  provider_id: string;
  provider_kind: string;
  team: Satisfaction;
  provider: Satisfaction;
  solved: boolean;
  tags: string[];
  comment: string | null;
  comment_status: string;
  channel: string;
  rated_by: string;
  rated_at: Date;
  first_rated_at: Date;
}

/** A rating and the revisions it replaced. */
export class RatingHistory {
  rating: RatingRow;
  revisions: unknown[];
}

type Channel = 'public_link' | 'follow_up_call';
interface Rater {
  channel: Channel;
  by: string;
}

@Injectable()
export class RatingsService {
  constructor(
    private readonly ds: DataSource,
    @Inject(RATING_CONFIG) private readonly config: RatingConfig,
  ) {}

  /** The resident, through the one-time link: the token must be this job's, unused and unexpired. */
  rateByLink(requestId: string, dto: LinkRateDto): Promise<RatingRow> {
    return this.ds.transaction(async (m) => {
      const [link] = await m.query<[{ token_hash: string; cycle: number; expires_at: Date; used_at: Date | null }?]>(
        'SELECT token_hash, cycle, expires_at, used_at FROM rating_link WHERE request_id = $1 FOR UPDATE',
        [requestId],
      );
      if (!link || !tokenMatches(dto.token, link.token_hash)) throw new NotFoundException('token: no rating link of this job matches');
      if (link.used_at) throw new ConflictException('token: this link has already been used');
      if (new Date(link.expires_at) <= new Date())
        throw new ConflictException(`token: this link expired at ${new Date(link.expires_at).toISOString()}`);
      const job = await this.rateableJob(m, requestId);
      const rating = await this.rate(m, job, dto, { channel: 'public_link', by: 'resident' }, 'new');
      await m.query('UPDATE rating_link SET used_at = now() WHERE request_id = $1', [requestId]);
      return rating;
    });
  }

  /** An agent during the follow-up call (or an admin), for a job in their scope. */
  rateByStaff(
    principal: Principal,
    requestId: string,
    dto: RateDto | AmendDto,
    mode: 'new' | 'amend',
    origin: AuditOrigin,
  ): Promise<RatingRow> {
    return this.ds.transaction(async (m) => {
      const job = await this.rateableJob(m, requestId, principal);
      const rating = await this.rate(m, job, dto, { channel: 'follow_up_call', by: principal.id }, mode);
      await recordAudit(
        m,
        AuditRecorded.rating,
        principal,
        { action: mode === 'new' ? 'rating.submitted' : 'rating.amended', resourceType: 'rating', resourceId: requestId },
        origin,
      );
      return rating;
    });
  }

  async get(principal: Principal, requestId: string): Promise<RatingHistory> {
    const [rating] = await this.ds.query<[RatingRow?]>('SELECT * FROM rating WHERE request_id = $1', [requestId]);
    if (!rating) throw new NotFoundException('requestId: no rating for this job');
    assertInScope(principal, rating.org_path, 'requestId: rating');
    const revisions = await this.ds.query<unknown[]>('SELECT * FROM rating_revision WHERE request_id = $1 ORDER BY revision', [requestId]);
    return { rating, revisions };
  }

  private async rateableJob(m: EntityManager, requestId: string, scope?: Principal): Promise<JobFact> {
    const job = await loadJob(m, requestId, true);
    if (!job?.orgPath) throw new NotFoundException('requestId: no such job');
    if (scope) assertInScope(scope, job.orgPath, 'requestId: job');
    if (!job.signedOffAt)
      throw new ConflictException('requestId: the job is not signed off (or was reopened for a redo): there is nothing to rate yet');
    const closes = windowClosesAt(job.signedOffAt, this.config.RATING_WINDOW_SECONDS);
    if (closes <= new Date())
      throw new ConflictException(`requestId: the rating window closed at ${closes.toISOString()}, 7 days after sign-off`);
    return job;
  }

  private async rate(m: EntityManager, job: JobFact, dto: RateDto | AmendDto, rater: Rater, mode: 'new' | 'amend'): Promise<RatingRow> {
    const [existing] = (await m.query('SELECT * FROM rating WHERE request_id = $1 FOR UPDATE', [job.requestId])) as RatingRow[];
    const cycle = job.signOffs;
    if (mode === 'new' && existing?.cycle === cycle)
      throw new ConflictException('requestId: this job is already rated; correct it with an amendment (PUT)');
    if (mode === 'amend' && !existing) throw new NotFoundException('requestId: no rating to amend');
    const now = new Date();
    const revision = (existing?.revision ?? 0) + 1;
    const tags = [...new Set(dto.tags ?? [])].sort();
    const comment = dto.comment?.trim() || null;
    const rating: RatingRow = {
      request_id: job.requestId,
      rating_id: existing?.rating_id ?? randomUUID(),
      revision,
      cycle,
      org_path: job.orgPath!,
      category_code: job.categoryCode!,
      provider_id: job.signedOffBy!,
      provider_kind: job.providerKind ?? 'merchant',
      team: dto.team,
      provider: dto.provider,
      solved: dto.solved,
      tags,
      comment,
      comment_status: comment ? 'pending' : 'none',
      channel: rater.channel,
      rated_by: rater.by,
      rated_at: now,
      first_rated_at: existing?.first_rated_at ?? now,
    };
    const cols = Object.keys(rating);
    await m.query(
      `INSERT INTO rating (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
       ON CONFLICT (request_id) DO UPDATE SET ${cols
         .filter((c) => c !== 'request_id')
         .map((c) => `${c} = EXCLUDED.${c}`)
         .join(', ')}`,
      Object.values(rating),
    );
    await m.query(
      `INSERT INTO rating_revision (request_id, revision, cycle, team, provider, solved, tags, comment, channel, rated_by, rated_at, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        job.requestId,
        revision,
        cycle,
        dto.team,
        dto.provider,
        dto.solved,
        tags,
        comment,
        rater.channel,
        rater.by,
        now,
        (dto as AmendDto).reason ?? null,
      ],
    );
    // The revision counts on across redos, but each sign-off's first rating is a new rating of new
    // work: consumers count submitted.v1 once per cycle and treat amended.v1 as a correction.
    const firstOfCycle = existing?.cycle !== cycle;
    await writeToOutbox(m, firstOfCycle ? RatingSubmitted : RatingAmended, {
      subject: job.requestId,
      data: {
        ratingId: rating.rating_id,
        requestId: job.requestId,
        orgPath: rating.org_path,
        categoryCode: rating.category_code,
        providerId: rating.provider_id,
        providerKind: rating.provider_kind as ProviderKind,
        team: dto.team,
        provider: dto.provider,
        solved: dto.solved,
        tags,
        channel: rater.channel,
        revision,
        ratedAt: now.toISOString(),
      },
    });
    await m.query('DELETE FROM follow_up_clock WHERE request_id = $1', [job.requestId]);
    await m.query(
      `UPDATE follow_up SET status = 'closed', result = 'rated', closed_at = $2 WHERE request_id = $1 AND reason = 'not_rated' AND status = 'open'`,
      [job.requestId, now],
    );
    for (const reason of followUpReasons(dto)) {
      await m.query(
        `INSERT INTO follow_up (id, request_id, cycle, reason, org_path, category_code, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'open', $7) ON CONFLICT (request_id, cycle, reason) DO NOTHING`,
        [randomUUID(), job.requestId, cycle, reason, rating.org_path, rating.category_code, now],
      );
    }
    await this.requestRedo(m, job, dto, now);
    return rating;
  }

  /** At most one redo per sign-off: the redo table's key is (request, cycle). */
  private async requestRedo(m: EntityManager, job: JobFact, dto: RateDto, now: Date): Promise<void> {
    const reason = redoReason(dto);
    if (!reason) return;
    const inserted = await m.query<unknown[]>(
      'INSERT INTO redo (request_id, cycle, reason, requested_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1',
      [job.requestId, job.signOffs, reason, now],
    );
    if (!inserted.length) return;
    await writeToOutbox(m, RedoRequested, {
      subject: job.requestId,
      data: {
        requestId: job.requestId,
        orgPath: job.orgPath!,
        categoryCode: job.categoryCode!,
        at: now.toISOString(),
        reason,
        providerId: job.signedOffBy ?? undefined,
      },
    });
  }
}
