import { randomBytes } from 'node:crypto';
import { sha256Hex } from '@bangbang/auth';
import { followUpReasons, redoReason, tokenMatches, windowClosesAt } from './rating-rules';

describe('rating rules', () => {
  it('matches a token against the lower-case hex SHA-256 the sign-off fact carries, and that token alone', () => {
    const a = randomBytes(32).toString('base64url');
    const b = randomBytes(32).toString('base64url');
    expect(tokenMatches(a, sha256Hex(a))).toBe(true);
    expect(tokenMatches(b, sha256Hex(a))).toBe(false);
    expect(tokenMatches(a, 'ab')).toBe(false);
  });

  it('closes the window 7 days after sign-off', () => {
    expect(windowClosesAt('2026-11-25T10:00:00Z', 7 * 86_400).toISOString()).toBe('2026-12-02T10:00:00.000Z');
  });

  it.each([
    [{ team: 'satisfied', provider: 'satisfied', solved: true }, [], null],
    [{ team: 'basically_satisfied', provider: 'basically_satisfied', solved: true }, [], null],
    [{ team: 'dissatisfied', provider: 'satisfied', solved: true }, ['dissatisfied'], null],
    [{ team: 'satisfied', provider: 'dissatisfied', solved: true }, ['dissatisfied'], /provider/],
    [{ team: 'satisfied', provider: 'satisfied', solved: false }, ['not_solved'], /not solved/],
    [{ team: 'dissatisfied', provider: 'dissatisfied', solved: false }, ['dissatisfied', 'not_solved'], /not solved/],
  ] as const)('%j: follow up for %j, redo %s', (answers, reasons, redo) => {
    expect(followUpReasons(answers)).toEqual(reasons);
    if (redo === null) expect(redoReason(answers)).toBeNull();
    else expect(redoReason(answers)).toMatch(redo);
  });
});
