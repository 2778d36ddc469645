import { assertCheckIn, assertCheckOut, AttendanceRefused, servedMinutes } from './attendance';

const a = { startsAt: new Date('2026-11-28T01:00:00Z'), endsAt: new Date('2026-11-28T04:00:00Z') };

describe('attendance', () => {
  it('opens check-in half an hour before the start and closes it at the end, saying why', () => {
    expect(() => assertCheckIn(a, new Date('2026-11-28T00:30:00Z'))).not.toThrow();
    expect(() => assertCheckIn(a, new Date('2026-11-28T03:59:00Z'))).not.toThrow();
    expect(() => assertCheckIn(a, new Date('2026-11-28T00:29:59Z'))).toThrow('check-in opens at 2026-11-28T00:30:00.000Z');
    expect(() => assertCheckIn(a, new Date('2026-11-28T04:00:00Z'))).toThrow('the activity ended at 2026-11-28T04:00:00.000Z');
  });

  it('refuses a check-out before the check-in', () => {
    expect(() => assertCheckOut(new Date('2026-11-28T02:00:00Z'), new Date('2026-11-28T01:59:00Z'))).toThrow(AttendanceRefused);
  });

  it('counts only minutes inside the activity', () => {
    expect(servedMinutes(a, new Date('2026-11-28T00:40:00Z'), new Date('2026-11-28T05:00:00Z'))).toBe(180);
    expect(servedMinutes(a, new Date('2026-11-28T01:30:00Z'), new Date('2026-11-28T02:45:30Z'))).toBe(75);
    expect(servedMinutes(a, new Date('2026-11-28T03:00:00Z'), new Date('2026-11-28T03:00:00Z'))).toBe(0);
  });
});
