import { decide, REDO_WINDOW_MS, REQUEST_ACTIONS, REQUEST_STATUSES, RequestAction, RequestStatus } from './request-state';

const now = new Date('2026-11-25T08:00:00.000Z');
const recently = new Date(now.getTime() - 24 * 3_600_000);

/** Every legal move; every (status, action) pair not listed here must be refused. */
const LEGAL: Array<[RequestStatus, RequestAction, RequestStatus]> = [
  ['received', 'publish', 'dispatching'],
  ['received', 'answer', 'closed'],
  ['received', 'cancel', 'cancelled'],
  ['dispatching', 'assign', 'assigned'],
  ['dispatching', 'escalate', 'escalated'],
  ['dispatching', 'cancel', 'cancelled'],
  ['escalated', 'assign', 'assigned'],
  ['escalated', 'escalate', 'escalated'],
  ['escalated', 'cancel', 'cancelled'],
  ['assigned', 'reassign', 'assigned'],
  ['assigned', 'arrive', 'on_site'],
  ['assigned', 'complete', 'completed'],
  ['assigned', 'provider_cancel', 'dispatching'],
  ['assigned', 'cancel', 'cancelled'],
  ['on_site', 'reassign', 'assigned'],
  ['on_site', 'complete', 'completed'],
  ['on_site', 'provider_cancel', 'dispatching'],
  ['on_site', 'cancel', 'cancelled'],
  ['completed', 'sign_off', 'signed_off'],
  ['signed_off', 'close', 'closed'],
  ['signed_off', 'reopen', 'dispatching'],
  ['closed', 'reopen', 'dispatching'],
];

const legal = new Map(LEGAL.map(([from, action, to]) => [`${from}:${action}`, to]));
const allPairs = REQUEST_STATUSES.flatMap((s) => REQUEST_ACTIONS.map((a) => [s, a] as const));

describe('request state machine', () => {
  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(decide(from, action, { now, signedOffAt: recently })).toEqual({ ok: true, from, to });
  });

  it.each(allPairs.filter(([s, a]) => !legal.has(`${s}:${a}`)))('%s refuses %s, saying why', (from, action) => {
    const decision = decide(from, action, { now, signedOffAt: recently });
    expect(decision.ok).toBe(false);
    expect(!decision.ok && decision.reason).toMatch(new RegExp(`that is ${from}: .+`));
  });

  it('covers every status and action in the table', () => {
    expect(allPairs).toHaveLength(REQUEST_STATUSES.length * REQUEST_ACTIONS.length);
    expect(new Set(LEGAL.map(([s]) => s))).toEqual(new Set(REQUEST_STATUSES.filter((s) => s !== 'cancelled')));
  });

  it('reopens up to exactly 7 days after sign-off and not a moment later', () => {
    const signedOffAt = new Date(now.getTime() - REDO_WINDOW_MS);
    expect(decide('signed_off', 'reopen', { now, signedOffAt }).ok).toBe(true);
    const late = decide('closed', 'reopen', { now: new Date(now.getTime() + 1), signedOffAt });
    expect(late).toEqual({ ok: false, reason: expect.stringContaining('redo window closed at 2026-11-25T08:00:00.000Z') });
  });

  it('never reopens a request that was not signed off (an answered consultation)', () => {
    expect(decide('closed', 'reopen', { now, signedOffAt: null })).toEqual({
      ok: false,
      reason: expect.stringContaining('never signed off'),
    });
  });
});
