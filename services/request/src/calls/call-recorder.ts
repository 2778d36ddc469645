import {
  CallAnswered,
  CallArrived,
  CallbackDone,
  CallbackFactV1,
  CallbackOpened,
  CallEnded,
  CallFactV1,
  CallRang,
  EXTENSION,
  PbxEventV1,
} from '@bangbang/contracts';
import { writeToOutbox } from '@bangbang/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { REQUEST_CONFIG, RequestConfig } from '../request.config';
import { AgentExtension } from './agent-extension.entity';
import { Call } from './call.entity';
import { Callback } from './callback.entity';
import { callbackDueAt } from './callback-deadline';
import { CallEntry, durations, inOrder, needsCallback, summarise } from './call-rules';
import { callerCard, callNumber, householdOf, placeOf } from './caller-card';

export const callFact = (c: Call, at: Date | string): CallFactV1 => ({
  callId: c.id,
  orgPath: c.orgPath,
  direction: c.direction,
  ...(c.householdId && { householdId: c.householdId }),
  at: new Date(at).toISOString(),
});

export const callbackFact = (b: Callback, at: Date): CallbackFactV1 => ({
  callbackId: b.id,
  callId: b.callId,
  orgPath: b.orgPath,
  ...(b.householdId && { householdId: b.householdId }),
  reason: b.reason,
  dueAt: b.dueAt.toISOString(),
  at: at.toISOString(),
});

/**
 * Keeps the call log from the PBX's reports (one report per call, applied once by the inbox):
 * adds the report to the call's timeline, recomputes what the timeline says, and publishes what
 * changed: arrival, each ring (the screen pop), the answer, the end; a missed call opens a
 * callback, an answered outbound call returns one.
 */
@Injectable()
export class CallRecorder {
  constructor(@Inject(REQUEST_CONFIG) private readonly config: RequestConfig) {}

  async record(m: EntityManager, e: PbxEventV1): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(Call)
      .values({
        id: randomUUID(),
        pbxId: e.pbxId,
        pbxCallId: e.callId,
        orgPath: e.orgPath,
        pbxOrgPath: e.orgPath,
        direction: e.direction ?? 'in',
        number: null,
        householdId: null,
        streetCode: null,
        communityCode: null,
        timeline: [],
        blocked: false,
        arrivedAt: new Date(e.at),
        updatedAt: new Date(),
      })
      .orIgnore()
      .execute();
    const call = await m.findOneOrFail(Call, { where: { pbxId: e.pbxId, pbxCallId: e.callId }, lock: { mode: 'pessimistic_write' } });
    const before = call.timeline.length ? summarise(call.timeline, call.blocked) : null;
    const firstArrival = e.event === 'newCall' && !call.timeline.some((x) => x.event === 'newCall');

    if (e.event === 'newCall') {
      call.direction = e.direction ?? 'in';
      call.blocked = e.blocked ?? false;
    }
    if (!call.number) await this.identify(m, call, e);
    if (e.event === 'newCall' && call.direction === 'out') await this.returning(m, call, e);

    const entry: CallEntry = { event: e.event, at: e.at };
    // An outbound call comes from the agent's extension.
    const extension =
      e.extension ?? (e.event === 'newCall' && call.direction === 'out' && e.from && EXTENSION.test(e.from) ? e.from : undefined);
    if (extension) entry.extension = extension;
    const agentId = e.agentId ?? (extension ? await this.agentAt(m, extension) : undefined);
    if (agentId) entry.agentId = agentId;
    if (e.cause) entry.cause = e.cause;
    call.timeline = inOrder([...call.timeline, entry]);
    const after = summarise(call.timeline, call.blocked);
    Object.assign(call, after, { updatedAt: new Date() });
    await m.save(call);

    if (firstArrival) await writeToOutbox(m, CallArrived, { subject: call.id, data: callFact(call, after.arrivedAt) });
    // A ring pops the card until someone answers; a transfer (usually of an answered call) pops it at the new extension.
    const pops = e.event === 'transfer' || (e.event === 'ringing' && !after.answeredAt);
    if (pops && !after.outcome && e.extension) {
      const household = call.householdId ? await householdOf(m, call.number, call.pbxOrgPath) : null;
      await writeToOutbox(m, CallRang, {
        subject: call.id,
        data: {
          ...callFact(call, e.at),
          extension: e.extension,
          ...(agentId && { agentId }),
          caller: await callerCard(m, call.number, household),
        },
      });
    }
    if (after.answeredAt && !before?.answeredAt) {
      await writeToOutbox(m, CallAnswered, {
        subject: call.id,
        data: {
          ...callFact(call, after.answeredAt),
          ...(after.answeredExtension && { extension: after.answeredExtension }),
          ...(after.answeredBy && { agentId: after.answeredBy }),
        },
      });
    }
    if (after.outcome && after.outcome !== before?.outcome) await this.ended(m, call, before?.outcome ?? null);
  }

  private async identify(m: EntityManager, call: Call, e: PbxEventV1): Promise<void> {
    const number = callNumber(call.direction === 'in' ? e.from : e.event === 'newCall' ? e.to : undefined);
    if (!number) return;
    call.number = number;
    const household = await householdOf(m, number, call.pbxOrgPath);
    if (!household) return;
    Object.assign(call, { householdId: household.id, orgPath: household.orgPath, ...placeOf(household) });
  }

  /** An outbound call returns the callback it names, or the open callback for the number it dials. */
  private async returning(m: EntityManager, call: Call, e: PbxEventV1): Promise<void> {
    const callback = e.callbackId
      ? await m.findOneBy(Callback, { id: e.callbackId, status: 'open' })
      : call.number
        ? await m.findOneBy(Callback, { number: call.number, status: 'open' })
        : null;
    if (!callback) return;
    call.callbackId = callback.id;
    callback.attempts += 1;
    await m.save(callback);
  }

  private async agentAt(m: EntityManager, extension: string): Promise<string | undefined> {
    return (await m.findOneBy(AgentExtension, { extension }))?.agentId;
  }

  private async ended(m: EntityManager, call: Call, was: Call['outcome']): Promise<void> {
    const at = call.endedAt ?? call.arrivedAt;
    await writeToOutbox(m, CallEnded, {
      subject: call.id,
      data: { ...callFact(call, at), outcome: call.outcome!, ...(call.cause && { cause: call.cause }), ...durations(call) },
    });
    if (needsCallback(call.direction, call.outcome)) await this.openCallback(m, call, call.outcome, at);
    else if (needsCallback(call.direction, was)) await this.withdrawCallback(m, call);
    if (call.direction === 'out' && call.callbackId && call.outcome === 'answered') await this.returned(m, call);
  }

  /** A number already waiting for a callback joins it: one call back answers all of its missed calls. */
  private async openCallback(m: EntityManager, call: Call, reason: 'missed' | 'abandoned', at: Date): Promise<void> {
    const waiting = call.number
      ? await m.findOne(Callback, { where: { number: call.number, status: 'open' }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (waiting) {
      waiting.missedCalls += 1;
      await m.save(waiting);
      return;
    }
    const callback: Callback = {
      id: randomUUID(),
      callId: call.id,
      orgPath: call.orgPath,
      number: call.number,
      householdId: call.householdId,
      streetCode: call.streetCode,
      communityCode: call.communityCode,
      reason,
      status: 'open',
      missedCalls: 1,
      attempts: 0,
      createdAt: at,
      dueAt: callbackDueAt(at, {
        minutes: this.config.CALLBACK_DEADLINE_MINUTES,
        startHour: this.config.CALLBACK_WORK_START_HOUR,
        endHour: this.config.CALLBACK_WORK_END_HOUR,
      }),
      doneAt: null,
      doneBy: null,
      returnCallId: null,
      note: null,
      escalatedAt: null,
      escalationLevel: null,
    };
    await m.insert(Callback, callback);
    await writeToOutbox(m, CallbackOpened, { subject: callback.id, data: callbackFact(callback, at) });
  }

  /** A late report showed the call was answered after all: its callback is not owed. */
  private async withdrawCallback(m: EntityManager, call: Call): Promise<void> {
    const callback = await m.findOneBy(Callback, { callId: call.id, status: 'open' });
    if (!callback) return;
    if (callback.missedCalls > 1) callback.missedCalls -= 1;
    else callback.status = 'withdrawn';
    await m.save(callback);
  }

  private async returned(m: EntityManager, call: Call): Promise<void> {
    const callback = await m.findOne(Callback, { where: { id: call.callbackId!, status: 'open' }, lock: { mode: 'pessimistic_write' } });
    if (!callback) return;
    const doneBy = call.answeredBy ?? call.timeline.find((x) => x.event === 'newCall')?.agentId ?? 'pbx';
    await completeCallback(m, callback, { at: call.answeredAt ?? call.endedAt ?? new Date(), by: doneBy, returnCallId: call.id });
  }
}

export async function completeCallback(
  m: EntityManager,
  callback: Callback,
  done: { at: Date; by: string; returnCallId?: string; note?: string },
): Promise<void> {
  Object.assign(callback, {
    status: 'done',
    doneAt: done.at,
    doneBy: done.by,
    returnCallId: done.returnCallId ?? null,
    note: done.note ?? null,
  });
  await m.save(callback);
  await writeToOutbox(m, CallbackDone, {
    subject: callback.id,
    data: {
      ...callbackFact(callback, done.at),
      ...(done.returnCallId && { returnCallId: done.returnCallId }),
      doneBy: done.by,
      onTime: done.at <= callback.dueAt,
    },
  });
}
