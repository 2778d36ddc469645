import {
  CALL_ANSWERED,
  CALL_ENDED,
  CALL_RANG,
  callbackClock,
  type LiveCall,
  monthRange,
  nextPop,
  sumByGroup,
  type CallFigures,
} from './calls';

const ME = 'agent-1';
const call = (type: string, over: Partial<LiveCall> = {}): LiveCall =>
  ({ id: 'e', type, callId: 'c1', orgPath: '/nanchang/', at: '2026-11-27T01:00:00Z', ...over }) as LiveCall;
const ring = (over: Partial<LiveCall> = {}) =>
  call(CALL_RANG, { agentId: ME, extension: '8001', caller: { number: '13800000001', householdId: 'h1', openRequests: [] }, ...over });

describe('the screen pop', () => {
  it('opens on a ring for this agent, locks when they answer, and stays after the end for the intake', () => {
    const rung = nextPop(undefined, ring(), ME);
    expect(rung).toEqual({ callId: 'c1', number: '13800000001', householdId: 'h1', locked: false, ended: false });
    const answered = nextPop(rung, call(CALL_ANSWERED, { agentId: ME }), ME);
    expect(answered).toMatchObject({ locked: true, ended: false });
    expect(nextPop(answered, call(CALL_ENDED, { outcome: 'answered' }), ME)).toMatchObject({ locked: true, ended: true });
  });

  it('closes when someone else answers or the caller hangs up unanswered, and ignores other agents’ rings', () => {
    const rung = nextPop(undefined, ring(), ME);
    expect(nextPop(rung, call(CALL_ANSWERED, { agentId: 'agent-2' }), ME)).toBeUndefined();
    expect(nextPop(rung, call(CALL_ENDED, { outcome: 'abandoned' }), ME)).toBeUndefined();
    expect(nextPop(undefined, ring({ agentId: 'agent-2' }), ME)).toBeUndefined();
  });

  it('keeps the call on the line when another rings, and takes the new one once it is over', () => {
    const onLine = nextPop(nextPop(undefined, ring(), ME), call(CALL_ANSWERED, { agentId: ME }), ME);
    const second = ring({ callId: 'c2', caller: { number: '13800000002', openRequests: [] } });
    expect(nextPop(onLine, second, ME)).toBe(onLine);
    const over = nextPop(onLine, call(CALL_ENDED), ME);
    expect(nextPop(over, second, ME)).toMatchObject({ callId: 'c2', number: '13800000002', householdId: undefined });
  });
});

describe('a callback’s deadline', () => {
  const now = Date.parse('2026-11-27T02:00:00Z');
  it('counts down in green, amber in the last ten minutes, red and late once past', () => {
    expect(callbackClock({ dueAt: '2026-11-27T02:30:00Z', status: 'open' }, now)).toEqual({
      label: '剩 30分',
      colour: 'green',
      overdue: false,
    });
    expect(callbackClock({ dueAt: '2026-11-27T02:05:00Z', status: 'open' }, now).colour).toBe('gold');
    expect(callbackClock({ dueAt: '2026-11-27T01:45:00Z', status: 'open' }, now)).toEqual({
      label: '已超时 15分',
      colour: 'red',
      overdue: true,
    });
  });
});

describe('the call figures', () => {
  it('asks for a China-time month', () => {
    expect(monthRange('2026-11')).toEqual({ from: '2026-10-31T16:00:00.000Z', to: '2026-11-30T16:00:00.000Z' });
  });

  it('adds a place’s days up, busiest first, the answer rate from the sums', () => {
    const row = (group: string, offered: number, answered: number) =>
      ({ period: 'x', group, offered, answered, abandoned: offered - answered }) as CallFigures;
    expect(sumByGroup([row('jinxing', 4, 3), row('yangming', 1, 1), row('jinxing', 6, 6)])).toEqual([
      { group: 'jinxing', offered: 10, answered: 9, abandoned: 1, answerRate: 0.9 },
      { group: 'yangming', offered: 1, answered: 1, abandoned: 0, answerRate: 1 },
    ]);
  });
});
