import { AsyncLocalStorage } from 'node:async_hooks';

/** What travels with one unit of work, from the HTTP request through every event it causes. */
export interface TraceContext {
  correlationId: string;
  /** The id of the event (or request) being handled, which becomes the causationid of what it emits. */
  causationId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export function runWithTrace<T>(ctx: TraceContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentTrace(): TraceContext | undefined {
  return storage.getStore();
}
