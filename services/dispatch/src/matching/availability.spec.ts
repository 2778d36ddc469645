import { availableDuring } from './availability';

describe('availableDuring (weekly windows in China time)', () => {
  // 2026-11-25 is a Wednesday (day 3); 09:00 China time is 01:00 UTC.
  const weekdays = { always: false, windows: [1, 2, 3, 4, 5].map((day) => ({ day, from: '08:00', to: '18:00' })) };
  const at = (iso: string) => new Date(iso);

  it.each([
    ['inside a window', '2026-11-25T01:00:00Z', '2026-11-25T02:00:00Z', true],
    ['before opening (07:00–07:59 China time)', '2026-11-24T23:00:00Z', '2026-11-24T23:59:00Z', false],
    ['overlapping the opening', '2026-11-24T23:30:00Z', '2026-11-25T00:30:00Z', true],
    ['after closing until midnight', '2026-11-25T10:00:00Z', '2026-11-25T15:59:00Z', false],
    ['on a Saturday', '2026-11-28T02:00:00Z', '2026-11-28T08:00:00Z', false],
    ['from Saturday into Monday morning', '2026-11-28T02:00:00Z', '2026-11-30T00:30:00Z', true],
    ['an empty interval', '2026-11-25T02:00:00Z', '2026-11-25T02:00:00Z', false],
  ])('%s', (_, from, to, expected) => {
    expect(availableDuring(weekdays, at(from), at(to))).toBe(expected);
  });

  it('takes 24:00 as the end of the day', () => {
    const lateSunday = { always: false, windows: [{ day: 0, from: '22:00', to: '24:00' }] };
    // Sunday 2026-11-29 23:30 China time.
    expect(availableDuring(lateSunday, at('2026-11-29T15:30:00Z'), at('2026-11-29T15:40:00Z'))).toBe(true);
    expect(availableDuring(lateSunday, at('2026-11-29T16:00:00Z'), at('2026-11-29T17:00:00Z'))).toBe(false);
  });

  it('treats 7×24 as always available, whatever the windows say', () => {
    expect(availableDuring({ always: true, windows: [] }, at('2026-11-28T20:00:00Z'), at('2026-11-28T20:01:00Z'))).toBe(true);
  });
});
