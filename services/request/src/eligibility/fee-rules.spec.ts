import { currentGrant, feePolicyAt, grantProblem } from './fee-rules';

const d = (iso: string) => new Date(iso);

describe('feePolicyAt', () => {
  const grant = { validFrom: d('2026-01-01T00:00:00Z'), validUntil: d('2026-07-01T00:00:00Z') };

  it('is free while a grant is valid, low-cost before and after it', () => {
    expect(feePolicyAt([grant], d('2026-03-01T00:00:00Z'))).toBe('free');
    expect(feePolicyAt([grant], d('2025-12-31T23:59:59Z'))).toBe('low_cost');
    expect(feePolicyAt([grant], d('2026-07-01T00:00:00Z'))).toBe('low_cost');
  });

  it('is low-cost once the grant is revoked, and with no grant at all', () => {
    expect(feePolicyAt([{ ...grant, revokedAt: d('2026-02-01T00:00:00Z') }], d('2026-03-01T00:00:00Z'))).toBe('low_cost');
    expect(feePolicyAt([], d('2026-03-01T00:00:00Z'))).toBe('low_cost');
  });
});

describe('currentGrant', () => {
  const allowance = { reason: 'subsistence_allowance', validFrom: d('2026-01-01T00:00:00Z'), validUntil: d('2026-12-31T00:00:00Z') };
  const hardship = { reason: 'sudden_hardship', validFrom: d('2026-02-01T00:00:00Z'), validUntil: d('2026-05-01T00:00:00Z') };

  it('names the valid grant lasting longest, ignoring revoked and future ones', () => {
    expect(currentGrant([hardship, allowance], d('2026-03-01T00:00:00Z'))).toBe(allowance);
    expect(currentGrant([hardship, { ...allowance, revokedAt: d('2026-02-15T00:00:00Z') }], d('2026-03-01T00:00:00Z'))).toBe(hardship);
    expect(currentGrant([hardship], d('2026-01-15T00:00:00Z'))).toBeUndefined();
  });
});

describe('grantProblem', () => {
  const now = d('2026-03-01T00:00:00Z');

  it('accepts a sudden-hardship grant of 90 days and refuses 91', () => {
    expect(grantProblem('sudden_hardship', now, d('2026-05-30T00:00:00Z'), now)).toBeNull();
    expect(grantProblem('sudden_hardship', now, d('2026-05-31T00:00:00Z'), now)).toMatch(/validUntil: .*at most 90 days/);
  });

  it('refuses a grant that ends before it starts or has already ended', () => {
    expect(grantProblem('subsistence_allowance', now, now, now)).toMatch(/^validUntil must be after validFrom/);
    expect(grantProblem('subsistence_allowance', d('2026-01-01T00:00:00Z'), d('2026-02-01T00:00:00Z'), now)).toMatch(/in the future/);
  });

  it('lets a subsistence-allowance grant run a year', () => {
    expect(grantProblem('subsistence_allowance', now, d('2027-03-01T00:00:00Z'), now)).toBeNull();
  });
});
