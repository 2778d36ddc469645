import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useRef, useState } from 'react';
import type { LiveCall } from '../telephony/calls';
import { followLiveStream } from './live-stream';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

interface Change {
  requestId: string;
  type: string;
}

const LiveContext = createContext<LiveStatus>('connecting');

export const useLiveStatus = (): LiveStatus => useContext(LiveContext);

type CallListener = (call: LiveCall) => void;
const CallsContext = createContext<Set<CallListener>>(new Set());

/** Hears every call fact the stream brings (the screen pop and what follows it) while mounted. */
export function useLiveCalls(listener: CallListener): void {
  const listeners = useContext(CallsContext);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  }, [listener]);
  useEffect(() => {
    const hear: CallListener = (call) => latest.current(call);
    listeners.add(hear);
    return () => void listeners.delete(hear);
  }, [listeners]);
}

/**
 * Keeps one stream open to /live/events while signed in. A change refetches the board and that
 * request's views; a call fact refetches the callback queue and the call log and goes to whoever
 * listens (the workspace's screen pop); every (re)connection refetches everything, so what happened while the stream
 * was down is not missed. No polling: without changes, nothing is fetched. `enabled`: for the
 * people who watch requests; the audit log has nothing live.
 */
export function LiveUpdates({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'off');
  const [callListeners] = useState(() => new Set<CallListener>());

  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    const onEvent = (event: string, data: string) => {
      if (event === 'ready') {
        setStatus('live');
        void queries.invalidateQueries();
      } else if (event === 'change') {
        const change = JSON.parse(data) as Change;
        void queries.invalidateQueries({ queryKey: ['requests'] });
        void queries.invalidateQueries({ queryKey: ['request', change.requestId] });
        void queries.invalidateQueries({ queryKey: ['job', change.requestId] });
        void queries.invalidateQueries({ queryKey: ['callers'] });
      } else if (event === 'call') {
        const call = JSON.parse(data) as LiveCall;
        void queries.invalidateQueries({ queryKey: ['callbacks'] });
        void queries.invalidateQueries({ queryKey: ['calls'] });
        callListeners.forEach((listener) => listener(call));
      }
    };
    followLiveStream(stop.signal, { onEvent, onDown: () => setStatus('reconnecting') });
    return () => stop.abort();
  }, [queries, enabled, callListeners]);

  return (
    <LiveContext.Provider value={status}>
      <CallsContext.Provider value={callListeners}>{children}</CallsContext.Provider>
    </LiveContext.Provider>
  );
}
