import { createContext, ReactNode, useCallback, useContext, useState } from 'react';
import type { IntakeValues } from './intake-rules';

/** The call in progress: who is calling and what the agent has typed so far. */
export interface CallDraft {
  search: string;
  householdId?: string;
  intake: IntakeValues;
  /** One key per request being logged: a resubmit after a lost answer cannot log it twice. */
  idempotencyKey: string;
}

const KEY = 'bangbang.call';
const fresh = (): CallDraft => ({ search: '', intake: {}, idempotencyKey: crypto.randomUUID() });

function load(): CallDraft {
  try {
    return { ...fresh(), ...(JSON.parse(sessionStorage.getItem(KEY) ?? '{}') as Partial<CallDraft>) };
  } catch {
    return fresh();
  }
}

interface CallContextValue {
  draft: CallDraft;
  update(patch: Partial<CallDraft>): void;
  /** After a request is logged: same caller, a new blank request. */
  nextRequest(): void;
  endCall(): void;
}

const CallContext = createContext<CallContextValue | undefined>(undefined);

/**
 * Lives above the pages, and in sessionStorage: switching to the board or a request and back, or
 * reloading, keeps the caller and every word typed.
 */
export function CallProvider({ children }: { children: ReactNode }) {
  const [draft, setDraft] = useState<CallDraft>(load);
  const save = useCallback((next: CallDraft) => {
    sessionStorage.setItem(KEY, JSON.stringify(next));
    return next;
  }, []);
  const update = useCallback((patch: Partial<CallDraft>) => setDraft((d) => save({ ...d, ...patch })), [save]);
  const nextRequest = useCallback(() => setDraft((d) => save({ ...d, intake: {}, idempotencyKey: crypto.randomUUID() })), [save]);
  const endCall = useCallback(() => setDraft(() => save(fresh())), [save]);
  return <CallContext.Provider value={{ draft, update, nextRequest, endCall }}>{children}</CallContext.Provider>;
}

export function useCall(): CallContextValue {
  const value = useContext(CallContext);
  if (!value) throw new Error('useCall outside CallProvider');
  return value;
}
