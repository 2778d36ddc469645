import { EventContext } from '@bangbang/messaging';
import { LostConflict } from '@bangbang/persistence';
import { EntityManager } from 'typeorm';
import { cannotHold } from '../matching/ranking';
import { lockProviders } from './provider-view';

/**
 * The providers a consumer chunk's decisions offered jobs to without holding them. Held from its
 * offer to the chunk's commit, a provider kept every other decision and every accept for it waiting
 * as long as the whole chunk took; instead they are locked together just before the commit and
 * checked again there, the chunk's own offers counted.
 */
export type Reservations = Set<string>;

/**
 * In a chunk, the transaction's reservations, confirmed at its commit. Alone, none: a decision then
 * holds each provider as it picks it, since a lost confirmation would only retry the same event
 * towards the dead-letter topic.
 */
export function reservationsIn(ctx: EventContext): Reservations | undefined {
  if (!ctx.delivery.inChunk) return undefined;
  return ctx.delivery.beforeCommit<Reservations>(
    'dispatch.reservations',
    () => new Set(),
    (ids) => confirm(ctx.manager, ids),
  );
}

async function confirm(m: EntityManager, providerIds: Reservations): Promise<void> {
  if (!providerIds.size) return;
  const now = new Date();
  const lost = (await lockProviders(m, [...providerIds], now)).filter((p) => cannotHold(p, now));
  // Lost as a deadlock is: the consumer applies the chunk again, and its ranking then sees what beat it.
  if (lost.length) throw new LostConflict(`filled up or stopped taking jobs meanwhile: ${lost.map((p) => p.providerId).join(', ')}`);
}
