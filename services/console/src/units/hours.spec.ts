import { hoursText, weeklyHours } from './hours';

describe('service hours', () => {
  it('reads as all day or as each window', () => {
    expect(hoursText({ always: true, windows: [] })).toBe('全天候');
    expect(hoursText(weeklyHours([6, 1], '08:00', '18:00'))).toBe('周一 08:00–18:00，周六 08:00–18:00');
    expect(hoursText({ always: false, windows: [] })).toBe('未设置');
  });
});
