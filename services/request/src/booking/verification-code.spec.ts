import {
  checkVerificationCode,
  CODE_TTL_MS,
  hashVerificationCode,
  lockedUntil,
  MAX_WRONG_CODES,
  newVerificationCode,
  phoneKey,
  PhoneVerificationState,
  sendRefusedUntil,
  WINDOW_MS,
} from './verification-code';

const PHONE = '8613812345678';
const now = new Date('2026-11-25T02:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

function issued(code: string, overrides: Partial<PhoneVerificationState> = {}): PhoneVerificationState {
  const salt = 'ab'.repeat(16);
  return {
    codeHash: hashVerificationCode(salt, PHONE, code),
    salt,
    expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    usedAt: null,
    issuedAt: [now],
    wrongAt: [],
    ...overrides,
  };
}

describe('booking verification code', () => {
  it('is six digits with a fresh salt each time', () => {
    const a = newVerificationCode();
    const b = newVerificationCode();
    expect(a.code).toMatch(/^\d{6}$/);
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.salt).not.toBe(b.salt);
  });

  it('hashes with the salt and the phone, so equal codes do not share a hash', () => {
    expect(hashVerificationCode('s1', PHONE, '123456')).not.toBe(hashVerificationCode('s2', PHONE, '123456'));
    expect(hashVerificationCode('s1', PHONE, '123456')).not.toBe(hashVerificationCode('s1', '8613912345678', '123456'));
    expect(phoneKey(PHONE)).toMatch(/^[0-9a-f]{64}$/);
    expect(phoneKey(PHONE)).not.toContain('13812345678');
  });

  it.each([
    ['the right code', issued('123456'), '123456', 'ok'],
    ['a wrong code', issued('123456'), '654321', 'wrong'],
    ['a code already used', issued('123456', { usedAt: now }), '123456', 'wrong'],
    ['an expired code', issued('123456', { expiresAt: now }), '123456', 'wrong'],
    ['a phone never sent a code', null, '123456', 'wrong'],
    ['a phone unknown to the register', issued('123456', { codeHash: null, salt: null, expiresAt: null }), '123456', 'wrong'],
    ['the right code once tries are used up', issued('123456', { wrongAt: Array(MAX_WRONG_CODES).fill(ago(60_000)) }), '123456', 'locked'],
    [
      'the right code after old wrong tries left the window',
      issued('123456', { wrongAt: Array(MAX_WRONG_CODES).fill(ago(WINDOW_MS)) }),
      '123456',
      'ok',
    ],
  ] as const)('checks %s', (_, state, code, expected) => {
    expect(checkVerificationCode(state, PHONE, code, now)).toBe(expected);
  });

  it('locks until the oldest counted wrong try leaves the window', () => {
    const wrongAt = [ago(50 * 60_000), ago(40 * 60_000), ago(30 * 60_000), ago(20 * 60_000), ago(10 * 60_000)];
    expect(lockedUntil({ wrongAt }, now)).toEqual(new Date(wrongAt[0].getTime() + WINDOW_MS));
    expect(lockedUntil({ wrongAt: wrongAt.slice(1) }, now)).toBeNull();
    expect(lockedUntil(null, now)).toBeNull();
  });

  it('sends three codes an hour, and none while tries are used up', () => {
    expect(sendRefusedUntil(null, now)).toBeNull();
    expect(sendRefusedUntil({ issuedAt: [ago(30 * 60_000), ago(20 * 60_000)], wrongAt: [] }, now)).toBeNull();
    const three = [ago(30 * 60_000), ago(20 * 60_000), ago(10 * 60_000)];
    expect(sendRefusedUntil({ issuedAt: three, wrongAt: [] }, now)).toEqual(new Date(three[0].getTime() + WINDOW_MS));
    expect(sendRefusedUntil({ issuedAt: [ago(2 * WINDOW_MS), ...three.slice(1)], wrongAt: [] }, now)).toBeNull();
    expect(sendRefusedUntil({ issuedAt: [], wrongAt: Array(MAX_WRONG_CODES).fill(ago(60_000)) }, now)).toEqual(
      new Date(ago(60_000).getTime() + WINDOW_MS),
    );
  });
});
