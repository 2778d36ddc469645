export interface SseEvent {
  event: string;
  data: string;
}

/**
 * Splits what has arrived of a `text/event-stream` into complete events and the unfinished rest
 * (a chunk can end anywhere). Comments (`: ping`) and `retry:` lines carry no event.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length) events.push({ event, data: data.join('\n') });
  }
  return { events, rest };
}

/** Waits before reconnecting: 1 s, 2 s, 4 s … at most 15 s. */
export const reconnectDelay = (attempt: number): number => Math.min(15_000, 1_000 * 2 ** Math.min(attempt, 4));
