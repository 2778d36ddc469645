import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { decide, Decision, RequestAction } from '../lifecycle/request-state';
import { ServiceRequest, TimelineEntry } from './service-request.entity';

/**
 * Moves a (locked) request through the state machine and writes the timeline entry; the caller
 * saves the request (`saveLocked`) and writes its event in the same transaction. Returns the refusal, if any.
 */
export async function move(
  m: EntityManager,
  r: ServiceRequest,
  action: RequestAction,
  actor: Actor,
  opts: { at?: Date; note?: string } = {},
): Promise<Decision> {
  const at = opts.at ?? new Date();
  const decision = decide(r.status, action, { now: at, signedOffAt: r.signedOffAt });
  if (!decision.ok) return decision;
  r.status = decision.to;
  r.updatedAt = new Date();
  await m.insert(TimelineEntry, {
    requestId: r.id,
    at,
    actorKind: actor.kind,
    actorId: actor.id,
    action,
    fromStatus: decision.from,
    toStatus: decision.to,
    note: opts.note ?? null,
  });
  return decision;
}

/** For commands from people: a refused move is a 409 that says why. */
export async function moveOrConflict(...args: Parameters<typeof move>): Promise<void> {
  const decision = await move(...args);
  if (!decision.ok) throw new ConflictException(decision.reason);
}

/** What every request fact carries. */
export function factOf(r: ServiceRequest, at: Date): { requestId: string; orgPath: string; categoryCode: string; at: string } {
  return { requestId: r.id, orgPath: r.orgPath, categoryCode: r.categoryCode, at: at.toISOString() };
}

export function lockRequest(m: EntityManager, id: string): Promise<ServiceRequest | null> {
  return m.findOne(ServiceRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/**
 * Writes back a request read under its row lock, every column in one UPDATE. TypeORM's `save`
 * would read the row again first to find what changed: a second round trip, and the diff, on every
 * fact the consumer applies, where the lock already ensures nothing else changed the row.
 */
export async function saveLocked(m: EntityManager, r: ServiceRequest): Promise<void> {
  const { id, ...columns } = r;
  await m.update(ServiceRequest, { id }, columns);
}
