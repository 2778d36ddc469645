import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { followLiveStream } from './live-stream';

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
 * was down is not missed. No polling: without changes, nothing is fetched. `enabled`: for the
 * people who watch requests; the audit log has nothing live.
 */
export function LiveUpdates({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queries = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'off');

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
      }
    };
    followLiveStream(stop.signal, { onEvent, onDown: () => setStatus('reconnecting') });
    return () => stop.abort();
  }, [queries, enabled]);

  return <LiveContext.Provider value={status}>{children}</LiveContext.Provider>;
}
