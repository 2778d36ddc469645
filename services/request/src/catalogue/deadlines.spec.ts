import { deadlinesFor } from './deadlines';

describe('deadlinesFor', () => {
  const at = new Date('2026-11-25T08:00:00.000Z');

  it.each([
    ['emergency', '2026-11-25T10:00:00.000Z', '2026-11-26T08:00:00.000Z'],
    ['utilities', '2026-11-25T12:00:00.000Z', '2026-11-26T08:00:00.000Z'],
    ['general', '2026-11-26T08:00:00.000Z', '2026-12-02T08:00:00.000Z'],
    ['complex', '2026-11-26T08:00:00.000Z', '2026-12-10T08:00:00.000Z'],
  ] as const)('%s: respond by %s, resolve by %s', (urgency, response, resolution) => {
    const d = deadlinesFor(urgency, at);
    expect(d.responseDueAt.toISOString()).toBe(response);
    expect(d.resolutionDueAt.toISOString()).toBe(resolution);
  });
});
