import { Rotation } from './random';

describe('Rotation', () => {
  it('gives each key its share of every cycle, the rarest included', () => {
    const r = new Rotation({ hotline: 70, booking: 20, open311: 10 });
    const cycle = Array.from({ length: 10 }, () => r.next());
    expect(cycle.filter((k) => k === 'hotline')).toHaveLength(7);
    expect(cycle.filter((k) => k === 'booking')).toHaveLength(2);
    expect(cycle.filter((k) => k === 'open311')).toHaveLength(1);
  });

  it('spreads the common key between the rare ones rather than bunching them', () => {
    const r = new Rotation({ a: 1, b: 1 });
    expect(Array.from({ length: 4 }, () => r.next())).toEqual(['a', 'b', 'a', 'b']);
  });
});
