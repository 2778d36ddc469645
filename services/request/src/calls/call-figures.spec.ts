import { callFigures, FigureCall, FigureCallback, figuresCsv, percentile } from './call-figures';

/** 26 November 2026, China time. */
const t = (h: number, m: number, s = 0) => new Date(Date.UTC(2026, 10, 26, h - 8, m, s));
const jincheng = { streetCode: 'jinxing', communityCode: 'jincheng' };
const huaigu = { streetCode: 'jinxing', communityCode: 'huaigu' };
const yinxiu = { streetCode: 'yangming', communityCode: 'yinxiu' };
const unknown = { streetCode: null, communityCode: null };

const answered = (arrived: Date, answeredAt: Date, ended: Date, agent: string, place: object): FigureCall => ({
  direction: 'in',
  arrivedAt: arrived,
  answeredAt,
  answeredBy: agent,
  endedAt: ended,
  outcome: 'answered',
  streetCode: null,
  communityCode: null,
  ...place,
});
const unanswered = (outcome: 'abandoned' | 'missed', arrived: Date, ended: Date, place: object): FigureCall => ({
  direction: 'in',
  arrivedAt: arrived,
  answeredAt: null,
  answeredBy: null,
  endedAt: ended,
  outcome,
  streetCode: null,
  communityCode: null,
  ...place,
});

/**
 * A hand-computed morning. 09h: four calls, three answered (waits 10, 30, 20 s; handling 300, 120,
 * 240 s; agents A and B), one abandoned. 10h: one answered (wait 60, handling 600, agent A), one
 * missed; also a blocked call, an outbound call and a call still going on, none of which is offered.
 */
const calls: FigureCall[] = [
  answered(t(9, 0), t(9, 0, 10), t(9, 5, 10), 'A', jincheng),
  answered(t(9, 10), t(9, 10, 30), t(9, 12, 30), 'B', huaigu),
  unanswered('abandoned', t(9, 20), t(9, 21), jincheng),
  answered(t(9, 30), t(9, 30, 20), t(9, 34, 20), 'A', unknown),
  answered(t(10, 0), t(10, 1), t(10, 11), 'A', yinxiu),
  unanswered('missed', t(10, 30), t(10, 31), yinxiu),
  { ...unanswered('missed', t(10, 40), t(10, 40), unknown), outcome: 'blocked' },
  { ...answered(t(10, 50), t(10, 50, 15), t(10, 53), 'A', yinxiu), direction: 'out' },
  { ...unanswered('missed', t(10, 55), t(10, 55), yinxiu), endedAt: null, outcome: null },
];

/** Callbacks: one done on time, one done late, one overdue and not done by noon. */
const callbacks: FigureCallback[] = [
  { createdAt: t(9, 21), dueAt: t(9, 51), doneAt: t(9, 40), ...jincheng },
  { createdAt: t(10, 31), dueAt: t(11, 1), doneAt: t(11, 10), ...yinxiu },
  { createdAt: t(10, 45), dueAt: t(11, 15), doneAt: null, ...unknown },
];
const now = t(12, 0);

describe('call-centre figures of a hand-computed morning', () => {
  it('adds up the whole range', () => {
    expect(callFigures(calls, callbacks, { bucket: 'day', by: 'all', now }).total).toEqual({
      period: 'total',
      group: 'all',
      offered: 6,
      answered: 4,
      abandoned: 1,
      missed: 1,
      answerRate: 0.6667,
      abandonedRate: 0.1667,
      avgWaitSeconds: 30,
      p90WaitSeconds: 60,
      avgHandlingSeconds: 315,
      agentHours: 3,
      callsPerAgentHour: 1.3333,
      callbacks: 3,
      callbacksDoneOnTime: 1,
      callbacksOnTimeRate: 0.3333,
    });
  });

  it('cuts it by the hour, China time', () => {
    const { rows } = callFigures(calls, callbacks, { bucket: 'hour', by: 'all', now });
    expect(rows).toEqual([
      {
        period: '2026-11-26 09:00',
        group: 'all',
        offered: 4,
        answered: 3,
        abandoned: 1,
        missed: 0,
        answerRate: 0.75,
        abandonedRate: 0.25,
        avgWaitSeconds: 20,
        p90WaitSeconds: 30,
        avgHandlingSeconds: 220,
        agentHours: 2,
        callsPerAgentHour: 1.5,
        callbacks: 1,
        callbacksDoneOnTime: 1,
        callbacksOnTimeRate: 1,
      },
      {
        period: '2026-11-26 10:00',
        group: 'all',
        offered: 2,
        answered: 1,
        abandoned: 0,
        missed: 1,
        answerRate: 0.5,
        abandonedRate: 0,
        avgWaitSeconds: 60,
        p90WaitSeconds: 60,
        avgHandlingSeconds: 600,
        agentHours: 1,
        callsPerAgentHour: 1,
        callbacks: 2,
        callbacksDoneOnTime: 0,
        callbacksOnTimeRate: 0,
      },
    ]);
  });

  it('cuts it by the street of the caller’s household, unknown numbers apart', () => {
    const { rows } = callFigures(calls, callbacks, { bucket: 'day', by: 'street', now });
    expect(
      rows.map((r) => [
        r.period,
        r.group,
        r.offered,
        r.answered,
        r.avgWaitSeconds,
        r.p90WaitSeconds,
        r.avgHandlingSeconds,
        r.callbacksOnTimeRate,
      ]),
    ).toEqual([
      ['2026-11-26', 'jinxing', 3, 2, 20, 30, 210, 1],
      ['2026-11-26', 'unknown', 1, 1, 20, 20, 240, 0],
      ['2026-11-26', 'yangming', 2, 1, 60, 60, 600, 0],
    ]);
  });

  it('cuts it by community', () => {
    const { rows } = callFigures(calls, callbacks, { bucket: 'day', by: 'community', now });
    expect(rows.map((r) => [r.group, r.offered, r.answered, r.abandoned])).toEqual([
      ['huaigu', 1, 1, 0],
      ['jincheng', 2, 1, 1],
      ['unknown', 1, 1, 0],
      ['yinxiu', 2, 1, 0],
    ]);
  });

  it('does not count a callback not yet due against the on-time rate', () => {
    const early = callFigures(calls, callbacks, { bucket: 'day', by: 'all', now: t(11, 5) }).total;
    expect([early.callbacksDoneOnTime, early.callbacksOnTimeRate]).toEqual([1, 0.5]);
  });

  it('leaves rates empty where nothing was offered', () => {
    const { total } = callFigures([], [], { bucket: 'day', by: 'all', now });
    expect([total.offered, total.answerRate, total.avgWaitSeconds, total.p90WaitSeconds, total.callsPerAgentHour]).toEqual([
      0,
      null,
      null,
      null,
      null,
    ]);
  });

  it('exports one CSV line per row, then the total', () => {
    const csv = figuresCsv(callFigures(calls, callbacks, { bucket: 'hour', by: 'all', now }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'period,group,offered,answered,abandoned,missed,answerRate,abandonedRate,avgWaitSeconds,p90WaitSeconds,avgHandlingSeconds,agentHours,callsPerAgentHour,callbacks,callbacksDoneOnTime,callbacksOnTimeRate',
    );
    expect(lines[1]).toBe('2026-11-26 09:00,all,4,3,1,0,0.75,0.25,20,30,220,2,1.5,1,1,1');
    expect(lines.at(-1)).toBe('total,all,6,4,1,1,0.6667,0.1667,30,60,315,3,1.3333,3,1,0.3333');
    expect(
      figuresCsv(callFigures([], [], { bucket: 'day', by: 'all', now }))
        .trimEnd()
        .split('\r\n')[1],
    ).toBe('total,all,0,0,0,0,,,,,,0,,0,0,');
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(90);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.9)).toBeNull();
  });
});
