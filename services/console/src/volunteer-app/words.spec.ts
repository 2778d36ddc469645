import { countdown } from './words';

describe('the offer countdown', () => {
  const now = Date.parse('2026-11-27T06:00:00Z');
  it('reads minutes and seconds, then seconds, and stops at zero', () => {
    expect(countdown('2026-11-27T06:01:30Z', now)).toBe('1 分 30 秒');
    expect(countdown('2026-11-27T06:00:09.200Z', now)).toBe('10 秒');
    expect(countdown('2026-11-27T05:59:00Z', now)).toBe('0 秒');
  });
});
