import {
  checkSignOffCode,
  hashSignOffCode,
  limitedUntil,
  MAX_CODES_SENT,
  MAX_WRONG_CODES,
  newSignOffCode,
  resendRefusal,
  withinWindow,
  wrongTriesLeft,
} from './sign-off-code';

describe('sign-off code', () => {
  const requestId = '0b7d6b0e-2a8f-4f57-8f0e-0c1d7f5e9a11';
  const now = new Date('2026-11-25T08:00:00Z');
  const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
  const times = (n: number, h = 1) => Array.from({ length: n }, () => hoursAgo(h));
  const stored = (over: object = {}) => ({
    codeHash: hashSignOffCode(requestId, '042917'),
    expiresAt: new Date('2026-11-26T08:00:00Z'),
    usedAt: null,
    issuedAt: [hoursAgo(1)],
    wrongAt: [],
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

  it('refuses a wrong code and an expired one', () => {
    expect(checkSignOffCode(stored(), requestId, '042918', now)).toBe('wrong');
    expect(checkSignOffCode(stored(), requestId, '042917', new Date('2026-11-26T08:00:00Z'))).toBe('expired');
  });

  it('counts wrong codes over the last 24 h, across codes: the fifth locks even the right code', () => {
    expect(wrongTriesLeft(stored({ wrongAt: times(MAX_WRONG_CODES - 1) }), now)).toBe(1);
    expect(checkSignOffCode(stored({ wrongAt: times(MAX_WRONG_CODES - 1) }), requestId, '042917', now)).toBe('ok');
    // A code just sent does not bring new tries: the request's wrong tries stay with it.
    const freshCode = stored({ issuedAt: [hoursAgo(0)], wrongAt: times(MAX_WRONG_CODES) });
    expect(checkSignOffCode(freshCode, requestId, '042917', now)).toBe('locked');
    expect(wrongTriesLeft(freshCode, now)).toBe(0);
    // Tries older than the window no longer count.
    expect(checkSignOffCode(stored({ wrongAt: times(MAX_WRONG_CODES, 24) }), requestId, '042917', now)).toBe('ok');
  });

  it('lifts a limit when the oldest counted event leaves the 24 h window', () => {
    const events = [hoursAgo(30), hoursAgo(20), hoursAgo(5), hoursAgo(2)];
    expect(withinWindow(events, now)).toEqual([hoursAgo(20), hoursAgo(5), hoursAgo(2)]);
    expect(limitedUntil(events, 3, now)).toEqual(new Date(hoursAgo(20).getTime() + 24 * 3_600_000));
    expect(limitedUntil(events, 4, now)).toBeNull();
  });

  it(`sends at most ${MAX_CODES_SENT} codes a day, and none while wrong tries are used up`, () => {
    expect(resendRefusal(null, now)).toBeNull();
    expect(resendRefusal(stored({ issuedAt: times(MAX_CODES_SENT - 1) }), now)).toBeNull();
    expect(resendRefusal(stored({ issuedAt: [hoursAgo(10), hoursAgo(3), hoursAgo(1)] }), now)).toEqual({
      limit: 'codes_sent',
      until: hoursAgo(10 - 24),
    });
    expect(resendRefusal(stored({ wrongAt: [hoursAgo(4), ...times(MAX_WRONG_CODES - 1)] }), now)).toEqual({
      limit: 'wrong_codes',
      until: hoursAgo(4 - 24),
    });
  });
});
