import { chinaDay, chinaWallClock } from './china-time';

describe('China time', () => {
  it.each([
    ['2026-11-25T15:59:59.999Z', '2026-11-25'],
    ['2026-11-25T16:00:00.000Z', '2026-11-26'],
    ['2026-12-31T16:30:00.000Z', '2027-01-01'],
  ])('%s falls on %s in China', (instant, day) => {
    expect(chinaDay(instant)).toBe(day);
  });

  it('reads the wall clock through the UTC fields', () => {
    const wall = chinaWallClock(new Date('2026-11-29T23:30:00.000Z'));
    expect([wall.getUTCDay(), wall.getUTCHours(), wall.getUTCMinutes()]).toEqual([1, 7, 30]);
  });
});
