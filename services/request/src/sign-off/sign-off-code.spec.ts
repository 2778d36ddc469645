import { checkSignOffCode, hashSignOffCode, MAX_CODE_ATTEMPTS, newSignOffCode } from './sign-off-code';

describe('sign-off code', () => {
  const requestId = '0b7d6b0e-2a8f-4f57-8f0e-0c1d7f5e9a11';
  const now = new Date('2026-11-25T08:00:00Z');
  const stored = (over: object = {}) => ({
    codeHash: hashSignOffCode(requestId, '042917'),
    expiresAt: new Date('2026-11-26T08:00:00Z'),
    attempts: 0,
    usedAt: null,
    ...over,
  });

  it('makes six-digit codes', () => {
    for (let i = 0; i < 200; i++) expect(newSignOffCode()).toMatch(/^\d{6}$/);
  });

  it('accepts the right code once, for this request only', () => {
    expect(checkSignOffCode(stored(), requestId, '042917', now)).toBe('ok');
    expect(checkSignOffCode(stored(), '7c1e0d9a-0000-4000-8000-000000000000', '042917', now)).toBe('wrong');
    expect(checkSignOffCode(stored({ usedAt: now }), requestId, '042917', now)).toBe('used');
  });

  it('refuses a wrong code, an expired one, and any code after too many tries', () => {
    expect(checkSignOffCode(stored(), requestId, '042918', now)).toBe('wrong');
    expect(checkSignOffCode(stored(), requestId, '042917', new Date('2026-11-26T08:00:00Z'))).toBe('expired');
    expect(checkSignOffCode(stored({ attempts: MAX_CODE_ATTEMPTS }), requestId, '042917', now)).toBe('locked');
  });
});
