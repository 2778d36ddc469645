import { parseSse, reconnectDelay } from './sse';

describe('the live stream reader', () => {
  it('reads whole events and keeps a partial one for the next chunk', () => {
    const first = parseSse('retry: 2000\n\nevent: ready\ndata: {"at":"x"}\n\n: ping\n\nevent: change\ndata: {"requestId"');
    expect(first.events).toEqual([{ event: 'ready', data: '{"at":"x"}' }]);
    const second = parseSse(`${first.rest}:"r1"}\n\n`);
    expect(second).toEqual({ events: [{ event: 'change', data: '{"requestId":"r1"}' }], rest: '' });
  });

  it('backs off reconnects up to 15 s', () => {
    expect([0, 1, 2, 3, 4, 9].map(reconnectDelay)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
  });
});
