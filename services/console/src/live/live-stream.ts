import { session } from '../auth/session';
import { parseSse, reconnectDelay } from './sse';

export interface LiveStreamHandlers {
  onEvent(event: string, data: string): void;
  /** The stream was lost while still signed in; it connects again after a back-off. */
  onDown(): void;
}

/**
 * Follows the gateway's /live/events with the signed-in principal's token: hands each server-sent
 * event over, and after a drop connects again, backing off until a `ready` event says it is back.
 * Ends when `signal` aborts or nobody is signed in any more.
 */
export function followLiveStream(signal: AbortSignal, handlers: LiveStreamHandlers): void {
  let attempt = 0;
  const connect = async () => {
    const token = await session.token();
    if (!token) return;
    const res = await fetch('/live/events', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal });
    if (!res.ok || !res.body) throw new Error(`live stream: ${res.status}`);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const parsed = parseSse(buffer + value);
      buffer = parsed.rest;
      for (const e of parsed.events) {
        if (e.event === 'ready') attempt = 0;
        handlers.onEvent(e.event, e.data);
      }
    }
  };
  void (async () => {
    while (!signal.aborted) {
      await connect().catch(() => undefined);
      if (signal.aborted || !session.current) return;
      handlers.onDown();
      await new Promise((resolve) => setTimeout(resolve, reconnectDelay(attempt++)));
    }
  })();
}
