import { boardStatus, byTimeLeft, filterBoard, riskCounts } from './board-filters';

const NOW = Date.parse('2026-11-27T10:00:00Z');
const item = (id: string, over: object = {}) => ({
  id,
  status: 'dispatching',
  communityCode: 'jincheng',
  categoryCode: 'pipe-unclogging',
  urgency: 'utilities',
  receivedAt: '2026-11-27T08:00:00Z',
  responseDueAt: '2026-11-27T12:00:00Z',
  resolutionDueAt: '2026-11-28T08:00:00Z',
  ...over,
});

describe('the board filters', () => {
  const items = [
    item('a'),
    item('b', { communityCode: 'huaigu', responseDueAt: '2026-11-27T09:00:00Z' }),
    item('c', { urgency: 'emergency', categoryCode: 'water-electric-repair' }),
  ];

  it('filters by community, category, urgency and breach', () => {
    expect(filterBoard(items, { community: 'huaigu' }, NOW).map((r) => r.id)).toEqual(['b']);
    expect(filterBoard(items, { category: 'water-electric-repair' }, NOW).map((r) => r.id)).toEqual(['c']);
    expect(filterBoard(items, { urgency: 'utilities' }, NOW).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterBoard(items, { breachedOnly: true }, NOW).map((r) => r.id)).toEqual(['b']);
  });

  it('puts the least time left first', () => {
    expect(byTimeLeft([items[0], items[1]], NOW).map((r) => r.id)).toEqual(['b', 'a']);
  });
});

describe('the board column of a request', () => {
  it('follows dispatch ahead of the request service catching up', () => {
    expect(boardStatus('dispatching', 'assigned')).toBe('assigned');
    expect(boardStatus('assigned', 'on_site')).toBe('on_site');
    expect(boardStatus('received', 'manual')).toBe('escalated');
  });

  it('never moves a request back, and lets the desk take it off the board', () => {
    expect(boardStatus('on_site', 'assigned')).toBe('on_site');
    expect(boardStatus('received', undefined)).toBe('received');
    expect(boardStatus('cancelled', 'assigned')).toBe('cancelled');
    expect(boardStatus('signed_off', 'completed')).toBe('signed_off');
  });
});

describe("the board's counts by status and risk", () => {
  it('counts each request once, under its status and how close its deadline is', () => {
    const items = [
      item('a'),
      item('b', { responseDueAt: '2026-11-27T09:00:00Z' }),
      item('c', { status: 'completed' }),
      item('d', { status: 'closed' }),
    ];
    expect(riskCounts(items, ['dispatching', 'completed'], NOW)).toEqual({ ok: [1, 1], warning: [0, 0], danger: [0, 0], breached: [1, 0] });
  });
});
