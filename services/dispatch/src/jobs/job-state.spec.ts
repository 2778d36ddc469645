import { assertMove, canMove, IllegalTransition, JOB_STATES } from './job-state';

describe('job state machine', () => {
  it.each([
    ['offering', 'assigned'],
    ['offering', 'manual'],
    ['manual', 'assigned'],
    ['assigned', 'on_site'],
    ['assigned', 'assigned'],
    ['on_site', 'completed'],
    ['assigned', 'offering'],
    ['completed', 'signed_off'],
    ['signed_off', 'offering'],
  ] as const)('allows %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
  });

  it.each([
    ['offering', 'on_site'],
    ['offering', 'completed'],
    ['manual', 'offering'],
    ['completed', 'assigned'],
    ['completed', 'on_site'],
    ['signed_off', 'assigned'],
  ] as const)('refuses %s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(false);
  });

  it('lets nothing out of cancelled', () => {
    for (const to of JOB_STATES) expect(canMove('cancelled', to)).toBe(false);
  });

  it('says which state forbids the move', () => {
    expect(() => assertMove('completed', 'on_site')).toThrow(IllegalTransition);
    expect(() => assertMove('completed', 'on_site')).toThrow('the job is completed');
  });
});
