import { formatDuration, slaState } from './sla';

const at = (iso: string) => Date.parse(iso);
const request = (status: string) => ({
  status,
  receivedAt: '2026-11-27T08:00:00Z',
  responseDueAt: '2026-11-27T08:40:00Z',
  resolutionDueAt: '2026-11-27T12:00:00Z',
});

describe('SLA countdown', () => {
  it('runs the response deadline until a provider is assigned, then the resolution deadline', () => {
    expect(slaState(request('dispatching'), at('2026-11-27T08:10:00Z'))).toMatchObject({
      deadline: 'response',
      remainingMs: 30 * 60_000,
      risk: 'ok',
      label: '剩余 30分',
    });
    expect(slaState(request('assigned'), at('2026-11-27T08:10:00Z'))).toMatchObject({
      deadline: 'resolution',
      risk: 'ok',
      label: '剩余 3小时50分',
    });
  });

  it('turns amber in the last half of the window, orange in the last quarter, red once past', () => {
    expect(slaState(request('received'), at('2026-11-27T08:25:00Z'))?.risk).toBe('warning');
    expect(slaState(request('received'), at('2026-11-27T08:35:00Z'))?.risk).toBe('danger');
    expect(slaState(request('escalated'), at('2026-11-27T08:52:30Z'))).toMatchObject({ risk: 'breached', label: '已超时 12分' });
  });

  it('stops once the work is done or the request is cancelled', () => {
    for (const status of ['completed', 'signed_off', 'closed', 'cancelled'])
      expect(slaState(request(status), at('2026-11-28T00:00:00Z'))).toBeNull();
  });

  it('says days, hours and minutes in Chinese', () => {
    expect(formatDuration(26 * 3_600_000 + 5 * 60_000)).toBe('1天2小时');
    expect(formatDuration(65 * 60_000)).toBe('1小时05分');
    expect(formatDuration(20_000)).toBe('不到1分');
  });
});
