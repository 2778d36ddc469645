import { certificateExpiry, movementWords, runningBalances } from './volunteer-rules';

describe('volunteer rules on the page', () => {
  const now = new Date('2026-11-27T00:00:00Z');

  it('warns of a certificate expiring within 30 days and marks an expired one', () => {
    expect(certificateExpiry('2026-11-01', now)).toBe('expired');
    expect(certificateExpiry('2026-12-20', now)).toBe('soon');
    expect(certificateExpiry('2027-06-01', now)).toBe('valid');
    expect(certificateExpiry(undefined, now)).toBe('unknown');
  });

  it('says what a movement was and whether it earned or spent, with the balance after each', () => {
    expect(movementWords({ kind: 'job', amount: 10 })).toEqual({ what: '完成服务工单', earned: 10, spent: null });
    expect(movementWords({ kind: 'redemption', amount: -30 })).toEqual({ what: '兑换奖品', earned: null, spent: 30 });
    expect(runningBalances(5, [{ amount: 10 }, { amount: -12 }, { amount: 3 }])).toEqual([15, 3, 6]);
  });
});
