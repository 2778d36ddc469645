import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { followLiveStream } from '../live/live-stream';

/**
 * The volunteer's own offer and job facts from /live/events: each one refetches the offers and
 * jobs, and every (re)connection refetches them, so an offer made while the stream was down still shows.
 */
export function useLiveOffers(): boolean {
  const queries = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const stop = new AbortController();
    const refetch = () => {
      void queries.invalidateQueries({ queryKey: ['offers'] });
      void queries.invalidateQueries({ queryKey: ['jobs'] });
    };
    followLiveStream(stop.signal, {
      onEvent: (event) => {
        if (event === 'ready') setLive(true);
        refetch();
      },
      onDown: () => setLive(false),
    });
    return () => stop.abort();
  }, [queries]);
  return live;
}
