import { requestNumber } from './request-number';

describe('request number', () => {
  it('carries the China calendar day, also where the UTC date is still the day before', () => {
    // 07:30 on 26 November in China is 23:30 on 25 November in UTC.
    expect(requestNumber(new Date('2026-11-25T23:30:00Z'), 42)).toBe('R20261126-000042');
    expect(requestNumber(new Date('2026-11-25T15:59:59.999Z'), 1)).toBe('R20261125-000001');
    expect(requestNumber(new Date('2026-11-25T16:00:00Z'), 1)).toBe('R20261126-000001');
  });

  it('pads the sequence to six digits', () => {
    expect(requestNumber(new Date('2026-01-01T04:00:00Z'), 123_456)).toBe('R20260101-123456');
    expect(requestNumber(new Date('2026-01-01T04:00:00Z'), 7)).toBe('R20260101-000007');
  });
});
