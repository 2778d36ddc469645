import { IDEMPOTENCY_KEY, spendingId } from './spending-id';

describe('spending ids under an Idempotency-Key', () => {
  it('names the same spending for the same volunteer, kind and key, as a version-8 UUID', () => {
    const id = spendingId('redemption', 'v-1', 'redeem-0001');
    expect(spendingId('redemption', 'v-1', 'redeem-0001')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('scopes the key to the volunteer and the kind of spending', () => {
    const id = spendingId('redemption', 'v-1', 'redeem-0001');
    expect(spendingId('redemption', 'v-2', 'redeem-0001')).not.toBe(id);
    expect(spendingId('exchange', 'v-1', 'redeem-0001')).not.toBe(id);
  });

  it('accepts keys of 8 to 128 letters, digits or ._:-', () => {
    expect(IDEMPOTENCY_KEY.test('a'.repeat(8))).toBe(true);
    expect(IDEMPOTENCY_KEY.test('a'.repeat(128))).toBe(true);
    expect(IDEMPOTENCY_KEY.test('a'.repeat(7))).toBe(false);
    expect(IDEMPOTENCY_KEY.test('a'.repeat(129))).toBe(false);
    expect(IDEMPOTENCY_KEY.test('redeem 0001')).toBe(false);
  });
});
