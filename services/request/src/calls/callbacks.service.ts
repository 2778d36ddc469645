import { likePrefix, Principal } from '@bangbang/auth';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { DataSource, FindOptionsWhere, Like } from 'typeorm';
import { DESK_ROLES } from '../access';
import { Call } from './call.entity';
import { Callback } from './callback.entity';
import { completeCallback } from './call-recorder';
import { displayNumber } from './caller-card';
import { CallbackView, DoneCallbackDto, ListCallbacksQuery } from './calls.dto';
import { maskedNumber } from './calls.service';

export const callbackView = (b: Callback, masked: boolean, now = new Date()): CallbackView => ({
  id: b.id,
  callId: b.callId,
  number: masked ? maskedNumber(b.number) : b.number && displayNumber(b.number),
  householdId: b.householdId,
  communityCode: b.communityCode,
  orgPath: b.orgPath,
  reason: b.reason,
  status: b.status,
  missedCalls: b.missedCalls,
  attempts: b.attempts,
  createdAt: b.createdAt,
  dueAt: b.dueAt,
  overdue: b.status === 'open' && b.dueAt <= now,
  doneAt: b.doneAt,
  doneBy: b.doneBy,
  returnCallId: b.returnCallId,
  note: b.note,
  escalatedAt: b.escalatedAt,
  escalationLevel: b.escalationLevel,
});

/** Auditors check the work; they have no one to call back. */
const masks = (p: Principal) => !DESK_ROLES.includes(p.role);

/** The callback queue: missed and abandoned calls to return, soonest due first. */
@Injectable()
export class CallbacksService {
  constructor(private readonly ds: DataSource) {}

  async list(p: Principal, q: ListCallbacksQuery): Promise<CallbackView[]> {
    const where: FindOptionsWhere<Callback> = { orgPath: Like(likePrefix(p.orgPath)) };
    if (q.status !== 'all') where.status = q.status;
    const rows = await this.ds.getRepository(Callback).find({
      where,
      order: q.status === 'open' ? { dueAt: 'ASC' } : { createdAt: 'DESC' },
      take: q.limit,
    });
    const now = new Date();
    return rows.map((b) => callbackView(b, masks(p), now));
  }

  /** Done by an agent who reached the caller (by the PBX, a mobile, in person). */
  async done(p: Principal, id: string, dto: DoneCallbackDto): Promise<CallbackView> {
    return this.ds.transaction(async (m) => {
      const callback = await m.findOne(Callback, {
        where: { id, orgPath: Like(likePrefix(p.orgPath)) },
        lock: { mode: 'pessimistic_write' },
      });
      if (!callback) throw new NotFoundException(`no callback ${id} in your scope`);
      if (callback.status !== 'open') throw new ConflictException(`callback ${id} is ${callback.status}`);
      if (dto.callId && !(await m.existsBy(Call, { id: dto.callId, direction: 'out' }))) {
        throw new NotFoundException(`callId: no outbound call ${dto.callId}`);
      }
      await completeCallback(m, callback, { at: new Date(), by: p.id, returnCallId: dto.callId, note: dto.note?.trim() });
      return callbackView(callback, false);
    });
  }
}
