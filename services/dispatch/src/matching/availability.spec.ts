import { availabilityWindow, availableDuring, chinaPeriodStarts } from './availability';

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

describe('availabilityWindow', () => {
  const now = new Date('2026-11-25T02:00:00Z');
  const due = new Date('2026-11-25T06:00:00Z');
  const at = (iso: string) => new Date(iso);

  it("uses the resident's preferred window when it is still ahead", () => {
    const w = availabilityWindow(
      { preferredFrom: at('2026-11-26T01:00:00Z'), preferredTo: at('2026-11-26T04:00:00Z'), responseDueAt: due },
      now,
    );
    expect(w).toEqual({ from: at('2026-11-26T01:00:00Z'), to: at('2026-11-26T04:00:00Z') });
  });

  it('starts a window already under way now', () => {
    const w = availabilityWindow(
      { preferredFrom: at('2026-11-25T01:00:00Z'), preferredTo: at('2026-11-25T04:00:00Z'), responseDueAt: due },
      now,
    );
    expect(w).toEqual({ from: now, to: at('2026-11-25T04:00:00Z') });
  });

  it('runs from now to the response deadline without a usable preference', () => {
    const past = { preferredFrom: at('2026-11-24T01:00:00Z'), preferredTo: at('2026-11-24T04:00:00Z'), responseDueAt: due };
    expect(availabilityWindow(past, now)).toEqual({ from: now, to: due });
    expect(availabilityWindow({ preferredFrom: null, preferredTo: null, responseDueAt: due }, now)).toEqual({ from: now, to: due });
  });

  it('gives a late job at least an hour', () => {
    const w = availabilityWindow({ preferredFrom: null, preferredTo: null, responseDueAt: at('2026-11-25T01:00:00Z') }, now);
    expect(w).toEqual({ from: now, to: at('2026-11-25T03:00:00Z') });
  });
});

describe('chinaPeriodStarts (where job limits count from)', () => {
  it.each([
    // Wednesday 25 Nov, 10:00 China time: the day from 00:00, the week from Monday 23 Nov, China time.
    ['2026-11-25T02:00:00Z', '2026-11-24T16:00:00.000Z', '2026-11-22T16:00:00.000Z'],
    // Monday 23 Nov, 07:59 China time (still Sunday in UTC): the week starts that very midnight.
    ['2026-11-22T23:59:00Z', '2026-11-22T16:00:00.000Z', '2026-11-22T16:00:00.000Z'],
    // Sunday 29 Nov, 23:30 China time: the last day of the week that began on the 23rd.
    ['2026-11-29T15:30:00Z', '2026-11-28T16:00:00.000Z', '2026-11-22T16:00:00.000Z'],
  ])('at %s: day from %s, week from %s', (now, day, week) => {
    const starts = chinaPeriodStarts(new Date(now));
    expect([starts.day.toISOString(), starts.week.toISOString()]).toEqual([day, week]);
  });
});
