import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { initialMs: 100, maxMs: 1_000, jitter: 0 };

  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1_000],
    [30, 1_000],
  ])('retry %i waits %i ms without jitter', (attempt, expected) => {
    expect(backoffDelay(attempt, policy)).toBe(expected);
  });

  it('keeps jitter within its share of the delay', () => {
    const jittered = { ...policy, jitter: 0.2 };
    expect(backoffDelay(2, jittered, () => 0)).toBe(160);
    expect(backoffDelay(2, jittered, () => 1)).toBe(240);
  });
});
