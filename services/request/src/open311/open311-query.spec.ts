import { MAX_SPAN_DAYS, pageOffset, queryWindow } from './open311-query';

describe('Open311 query window', () => {
  const now = new Date('2026-11-27T00:00:00Z');
  const days = (n: number) => n * 86_400_000;

  it('covers the 90 days up to now by default', () => {
    expect(queryWindow(undefined, undefined, now)).toEqual({ start: new Date(now.getTime() - days(MAX_SPAN_DAYS)), end: now });
  });

  it('covers the 90 days up to end_date', () => {
    expect(queryWindow(undefined, '2026-06-01T00:00:00Z', now)).toEqual({
      start: new Date('2026-03-03T00:00:00Z'),
      end: new Date('2026-06-01T00:00:00Z'),
    });
  });

  it('covers 90 days from start_date, but not past now', () => {
    expect(queryWindow('2026-01-01T00:00:00Z', undefined, now)).toEqual({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-04-01T00:00:00Z'),
    });
    expect(queryWindow('2026-11-20T00:00:00Z', undefined, now)).toEqual({ start: new Date('2026-11-20T00:00:00Z'), end: now });
  });

  it('takes exactly 90 days and refuses one second more', () => {
    expect(queryWindow('2026-01-01T00:00:00Z', '2026-04-01T00:00:00Z', now)).not.toHaveProperty('error');
    expect(queryWindow('2026-01-01T00:00:00Z', '2026-04-01T00:00:01Z', now)).toEqual({
      error: expect.stringMatching(/^start_date: .*90 days/),
    });
  });

  it('refuses a backwards span', () => {
    expect(queryWindow('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z', now)).toEqual({ error: 'end_date: must not be before start_date' });
  });

  it('skips whole pages', () => {
    expect(pageOffset(undefined, 50)).toBe(0);
    expect(pageOffset(3, 20)).toBe(40);
  });
});
