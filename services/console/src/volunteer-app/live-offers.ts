import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { session } from '../auth/session';
import { parseSse, reconnectDelay } from '../live/sse';

/**
 * The volunteer's own offer and job facts from /live/events: each one refetches the offers and
 * jobs, and every (re)connection refetches them, so an offer made while the stream was down still shows.
 */
export function useLiveOffers(): boolean {
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    let attempt = 0;
    const refetch = () => {
      void queries.invalidateQueries({ queryKey: ['offers'] });
      void queries.invalidateQueries({ queryKey: ['jobs'] });
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
        for (const e of parsed.events) {
          if (e.event === 'ready') {
            attempt = 0;
            setLive(true);
          }
          refetch();
        }
      }
    };
    void (async () => {
      while (!stop.signal.aborted) {
        await connect().catch(() => undefined);
        setLive(false);
        if (stop.signal.aborted || !session.current) return;
        await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt++)));
      }
    })();
    return () => stop.abort();
  }, [queries]);
  return live;
}
