import { createContext, ReactNode, useCallback, useContext, useState } from 'react';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../auth/use-session';
import { useLiveCalls } from '../live/live-updates';
import { CALL_RANG, nextPop, type ScreenPop } from '../telephony/calls';
import type { IntakeValues } from './intake-rules';

/** The call in progress: who is calling and what the agent has typed so far. */
export interface CallDraft {
  search: string;
  householdId?: string;
  intake: IntakeValues;
  /** One key per request being logged: a resubmit after a lost answer cannot log it twice. */
  idempotencyKey: string;
  /** The phone system's call this is, when it popped here: requests logged now record it. */
  pop?: ScreenPop;
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
 * reloading, keeps the caller and every word typed. Calls ringing at the agent's extension open here.
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
  const me = useSignedIn()?.id ?? '';
  const navigate = useNavigate();
  // The screen pop: a ring at this agent's extension opens the caller (or the new-household form
  // with the number) in the workspace; the pop follows the call's answer and end.
  useLiveCalls((call) => {
    setDraft((d) => {
      const pop = nextPop(d.pop, call, me);
      if (pop === d.pop) return d;
      if (call.type === CALL_RANG && pop) return save({ ...fresh(), search: pop.number, householdId: pop.householdId, pop });
      return save({ ...d, pop });
    });
    if (call.type === CALL_RANG && call.agentId === me) void navigate('/workspace');
  });
  return <CallContext.Provider value={{ draft, update, nextRequest, endCall }}>{children}</CallContext.Provider>;
}

export function useCall(): CallContextValue {
  const value = useContext(CallContext);
  if (!value) throw new Error('useCall outside CallProvider');
  return value;
}
