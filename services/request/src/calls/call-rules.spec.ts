import { CallEntry, durations, needsCallback, summarise } from './call-rules';

const at = (s: number) => new Date(Date.UTC(2026, 10, 26, 1, 0, s)).toISOString();
const newCall: CallEntry = { event: 'newCall', at: at(0) };
const ringing: CallEntry = { event: 'ringing', at: at(5), extension: '8001', agentId: 'agent-1' };
const answer: CallEntry = { event: 'answer', at: at(12), extension: '8001', agentId: 'agent-1' };

describe('a call summarised from its timeline', () => {
  it('reads an answered call: waited until the answer, talked until the hang-up', () => {
    const s = summarise([newCall, ringing, answer, { event: 'hangup', at: at(200), cause: 'normal' }], false);
    expect(s).toMatchObject({ outcome: 'answered', answeredBy: 'agent-1', answeredExtension: '8001', cause: 'normal' });
    expect(durations(s)).toEqual({ waitSeconds: 12, talkSeconds: 188 });
  });

  it('gives the same answer whatever order the reports came in (a hang-up before its answer)', () => {
    const inOrder = summarise([newCall, ringing, answer, { event: 'hangup', at: at(200), cause: 'normal' }], false);
    const shuffled = summarise([{ event: 'hangup', at: at(200), cause: 'normal' }, answer, newCall, ringing], false);
    expect(shuffled).toEqual(inOrder);
  });

  it('counts a normal hang-up as answered before the answer report arrives', () => {
    const s = summarise([newCall, { event: 'hangup', at: at(90), cause: 'normal' }], false);
    expect(s.outcome).toBe('answered');
    expect(s.answeredAt).toBeNull();
    expect(durations(s)).toEqual({ waitSeconds: 0, talkSeconds: 0 });
  });

  it('tells abandoned (gave up waiting) from missed (rang out, busy)', () => {
    expect(summarise([newCall, { event: 'hangup', at: at(40), cause: 'abandoned' }], false).outcome).toBe('abandoned');
    expect(summarise([newCall, ringing, { event: 'hangup', at: at(40), cause: 'cancel' }], false).outcome).toBe('abandoned');
    expect(summarise([newCall, ringing, { event: 'hangup', at: at(40), cause: 'noAnswer' }], false).outcome).toBe('missed');
    expect(summarise([newCall, { event: 'hangup', at: at(1), cause: 'busy' }], false).outcome).toBe('missed');
    expect(durations(summarise([newCall, { event: 'hangup', at: at(40), cause: 'abandoned' }], false)).waitSeconds).toBe(40);
  });

  it('takes an answer that arrives after the hang-up said cancel', () => {
    expect(summarise([newCall, { event: 'hangup', at: at(200), cause: 'cancel' }, answer], false).outcome).toBe('answered');
  });

  it('leaves a call without a hang-up going on, and a blocked one ended at once', () => {
    expect(summarise([newCall, ringing], false).outcome).toBeNull();
    expect(summarise([newCall], true)).toMatchObject({ outcome: 'blocked', endedAt: new Date(at(0)) });
  });

  it('owes a callback for inbound calls nobody answered, not for outbound, answered or blocked ones', () => {
    expect(needsCallback('in', 'missed')).toBe(true);
    expect(needsCallback('in', 'abandoned')).toBe(true);
    expect(needsCallback('out', 'missed')).toBe(false);
    expect(needsCallback('in', 'answered')).toBe(false);
    expect(needsCallback('in', 'blocked')).toBe(false);
  });
});
