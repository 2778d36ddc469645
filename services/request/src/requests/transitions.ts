import { EntityRows } from '@bangbang/persistence';
import { ConflictException } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../access';
import { decide, Decision, RequestAction } from '../lifecycle/request-state';
import { ServiceRequest, TimelineEntry } from './service-request.entity';

type Entry = Omit<TimelineEntry, 'id'>;

/** Timeline entries of moves made on a request object and not yet written with it (`saveLocked`). */
const unwritten = new WeakMap<ServiceRequest, Entry[]>();

/**
 * Moves a (locked) request through the state machine and keeps its timeline entry; the caller
 * saves the request (`saveLocked`, which writes the entry too) and writes its event in the same
 * transaction. Returns the refusal, if any.
 */
export function move(r: ServiceRequest, action: RequestAction, actor: Actor, opts: { at?: Date; note?: string } = {}): Decision {
  const at = opts.at ?? new Date();
  const decision = decide(r.status, action, { now: at, signedOffAt: r.signedOffAt });
  if (!decision.ok) return decision;
  r.status = decision.to;
  r.updatedAt = new Date();
  const entries = unwritten.get(r) ?? [];
  unwritten.set(r, entries);
  entries.push({
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
export function moveOrConflict(...args: Parameters<typeof move>): void {
  const decision = move(...args);
  if (!decision.ok) throw new ConflictException(decision.reason);
}

/** What every request fact carries. */
export function factOf(r: ServiceRequest, at: Date): { requestId: string; orgPath: string; categoryCode: string; at: string } {
  return { requestId: r.id, orgPath: r.orgPath, categoryCode: r.categoryCode, at: at.toISOString() };
}

export function lockRequest(m: EntityManager, id: string): Promise<ServiceRequest | null> {
  return EntityRows.of(m, ServiceRequest).lock(m, { id });
}

/** Inserts timeline entries ahead of the request's UPDATE, in the same statement. */
const WITH_TIMELINE = `WITH timeline AS (
  INSERT INTO request_timeline (request_id, at, actor_kind, actor_id, action, from_status, to_status, note)
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[]))`;

/**
 * Writes back a request read under its row lock, every column in one UPDATE, with the timeline
 * entries of the moves made on it. TypeORM's `save` would read the row again first to find what
 * changed: a second round trip, and the diff, on every fact the consumer applies, where the lock
 * already ensures nothing else changed the row.
 */
export async function saveLocked(m: EntityManager, r: ServiceRequest): Promise<void> {
  const entries = unwritten.get(r) ?? [];
  unwritten.delete(r);
  const { id, ...columns } = r;
  const timeline = entries.length
    ? {
        sql: WITH_TIMELINE,
        values: [
          entries.map((e) => e.requestId),
          entries.map((e) => e.at),
          entries.map((e) => e.actorKind),
          entries.map((e) => e.actorId),
          entries.map((e) => e.action),
          entries.map((e) => e.fromStatus),
          entries.map((e) => e.toStatus),
          entries.map((e) => e.note),
        ],
      }
    : undefined;
  await EntityRows.of(m, ServiceRequest).update(m, { id }, columns, timeline);
}
