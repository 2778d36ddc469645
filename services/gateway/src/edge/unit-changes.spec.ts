import { SETTLE_MS, UnitChanges } from './unit-changes';

describe('UnitChanges', () => {
  const t0 = 1_000_000;

  it('keeps a lookup of a unit that never changed, and of one whose change committed before it began', () => {
    const changes = new UnitChanges();
    expect(changes.keepable('u1', changes.begin(t0), t0 + 5)).toBe(true);
    changes.change('u1', t0)(t0 + 10);
    expect(changes.keepable('u1', changes.begin(t0 + 20), t0 + 25)).toBe(true);
  });

  it('does not keep a lookup begun before a change committed, whenever the change began', () => {
    const changes = new UnitChanges();
    const before = changes.begin(t0);
    const committed = changes.change('u1', t0 + 1);
    const during = changes.begin(t0 + 2);
    expect(changes.keepable('u1', before, t0 + 3)).toBe(false);
    expect(changes.keepable('u1', during, t0 + 3)).toBe(false);
    committed(t0 + 4);
    expect(changes.keepable('u1', before, t0 + 5)).toBe(false);
    expect(changes.keepable('u1', during, t0 + 5)).toBe(false);
    expect(changes.keepable('u1', changes.begin(t0 + 6), t0 + 7)).toBe(true);
  });

  it('judges each unit by its own changes', () => {
    const changes = new UnitChanges();
    const lookup = changes.begin(t0);
    changes.change('u1', t0 + 1);
    expect(changes.keepable('u2', lookup, t0 + 2)).toBe(true);
    expect(changes.keepable('u1', lookup, t0 + 2)).toBe(false);
  });

  it('waits for every change in flight of a unit to commit', () => {
    const changes = new UnitChanges();
    const first = changes.change('u1', t0);
    changes.change('u1', t0 + 1);
    first(t0 + 2);
    expect(changes.keepable('u1', changes.begin(t0 + 3), t0 + 4)).toBe(false);
  });

  it('takes a change uncommitted for the settling time as rolled back', () => {
    const changes = new UnitChanges();
    changes.change('u1', t0);
    expect(changes.keepable('u1', changes.begin(t0 + SETTLE_MS - 2), t0 + SETTLE_MS - 1)).toBe(false);
    expect(changes.keepable('u1', changes.begin(t0 + SETTLE_MS), t0 + SETTLE_MS + 1)).toBe(true);
  });

  it('never keeps a lookup that outlasted the settling time, even once its change is forgotten', () => {
    const changes = new UnitChanges();
    const slow = changes.begin(t0);
    changes.change('u1', t0 + 1)(t0 + 2);
    // A later change of another unit forgets u1's, long settled.
    changes.change('u2', t0 + SETTLE_MS + 5);
    expect(changes.keepable('u1', slow, t0 + SETTLE_MS + 6)).toBe(false);
    expect(changes.keepable('u1', changes.begin(t0 + SETTLE_MS + 7), t0 + SETTLE_MS + 8)).toBe(true);
  });
});
