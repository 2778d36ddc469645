import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { session } from '../auth/session';
import { parseSse, reconnectDelay } from './sse';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

interface Change {
  requestId: string;
  type: string;
}

const LiveContext = createContext<LiveStatus>('connecting');

export const useLiveStatus = (): LiveStatus => useContext(LiveContext);

/**
 * Keeps one stream open to /live/events while signed in. A change refetches the board and that
 * request's views; every (re)connection refetches everything, so what happened while the stream
 * was down is not missed. No polling: without changes, nothing is fetched.
 */
/** `enabled`: for the people who watch requests; the audit log has nothing live. */
export function LiveUpdates({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'off');

  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    let attempt = 0;
    const onEvent = (event: string, data: string) => {
      if (event === 'ready') {
        attempt = 0;
        setStatus('live');
        void queries.invalidateQueries();
      } else if (event === 'change') {
        const change = JSON.parse(data) as Change;
        void queries.invalidateQueries({ queryKey: ['requests'] });
        void queries.invalidateQueries({ queryKey: ['request', change.requestId] });
        void queries.invalidateQueries({ queryKey: ['job', change.requestId] });
        void queries.invalidateQueries({ queryKey: ['callers'] });
      }
    };
    const connect = async () => {
      const token = await session.token();
      if (!token) return;
      const res = await fetch('/live/events', {
        headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
        signal: stop.signal,
      });
      if (!res.ok || !res.body) throw new Error(`live stream: ${res.status}`);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        const parsed = parseSse(buffer + value);
        buffer = parsed.rest;
        parsed.events.forEach((e) => onEvent(e.event, e.data));
      }
    };
    void (async () => {
      while (!stop.signal.aborted) {
        await connect().catch(() => undefined);
        if (stop.signal.aborted || !session.current) return;
        setStatus('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt++)));
      }
    })();
    return () => stop.abort();
  }, [queries, enabled]);

  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}
