import { likePrefix, maskPhone, Principal } from '@bangbang/auth';
import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { Between, DataSource, FindOptionsWhere, Like } from 'typeorm';
import { ServiceRequest } from '../requests/service-request.entity';
import { Call } from './call.entity';
import { Callback } from './callback.entity';
import { CallFigures, callFigures } from './call-figures';
import { durations } from './call-rules';
import { displayNumber } from './caller-card';
import { CallDetailView, CallView, FiguresQuery, ListCallsQuery } from './calls.dto';

const DAY_MS = 86_400_000;
/** Figures read every call of the range: a quarter is as far as one answer goes. */
const MAX_FIGURE_DAYS = 93;

export class CallFiguresView {
  from: string;
  to: string;
  bucket: string;
  by: string;
  rows: CallFigures[];
  total: CallFigures;
}

export const maskedNumber = (number: string | null): string | null => (number ? maskPhone(displayNumber(number)) : null);

const view = (c: Call): CallView => ({
  id: c.id,
  pbxCallId: c.pbxCallId,
  direction: c.direction,
  number: maskedNumber(c.number),
  householdId: c.householdId,
  streetCode: c.streetCode,
  communityCode: c.communityCode,
  orgPath: c.orgPath,
  blocked: c.blocked,
  arrivedAt: c.arrivedAt,
  answeredAt: c.answeredAt,
  answeredBy: c.answeredBy,
  answeredExtension: c.answeredExtension,
  endedAt: c.endedAt,
  cause: c.cause,
  outcome: c.outcome,
  ...durations(c),
  callbackId: c.callbackId,
});

/** The call log and the figures drawn from it, within the reader's scope. */
@Injectable()
export class CallsService {
  constructor(private readonly ds: DataSource) {}

  async list(p: Principal, q: ListCallsQuery): Promise<CallView[]> {
    const to = q.to ? new Date(q.to) : new Date();
    const from = q.from ? new Date(q.from) : new Date(to.getTime() - DAY_MS);
    const where: FindOptionsWhere<Call> = { orgPath: Like(likePrefix(p.orgPath)), arrivedAt: Between(from, to) };
    if (q.outcome) where.outcome = q.outcome;
    if (q.direction) where.direction = q.direction;
    if (q.householdId) where.householdId = q.householdId;
    const rows = await this.ds.getRepository(Call).find({ where, order: { arrivedAt: 'DESC' }, take: q.limit });
    return rows.map(view);
  }

  async get(p: Principal, id: string): Promise<CallDetailView> {
    const call = await this.ds.getRepository(Call).findOneBy({ id, orgPath: Like(likePrefix(p.orgPath)) });
    if (!call) throw new NotFoundException(`no call ${id} in your scope`);
    const requests = await this.ds.getRepository(ServiceRequest).find({ where: { callId: id }, order: { receivedAt: 'ASC' } });
    return {
      ...view(call),
      timeline: call.timeline,
      requests: requests.map((r) => ({ id: r.id, number: r.number, categoryCode: r.categoryCode, status: r.status })),
    };
  }

  async figures(p: Principal, q: FiguresQuery, now = new Date()): Promise<CallFiguresView> {
    const from = new Date(q.from);
    const to = new Date(q.to);
    if (to <= from) throw new BadRequestException('to: must be after from');
    if (to.getTime() - from.getTime() > MAX_FIGURE_DAYS * DAY_MS)
      throw new BadRequestException(`to: at most ${MAX_FIGURE_DAYS} days after from`);
    const scope = Like(likePrefix(p.orgPath));
    const [calls, callbacks] = await Promise.all([
      this.ds.getRepository(Call).find({ where: { orgPath: scope, arrivedAt: Between(from, to) } }),
      this.ds.getRepository(Callback).find({ where: { orgPath: scope, createdAt: Between(from, to) } }),
    ]);
    const live = callbacks.filter((b) => b.status !== 'withdrawn');
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      bucket: q.bucket,
      by: q.by,
      ...callFigures(calls, live, { bucket: q.bucket, by: q.by, now }),
    };
  }
}
