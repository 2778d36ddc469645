import { assertUnitMove, IllegalUnitMove } from './unit-lifecycle';

describe('partner unit lifecycle', () => {
  it.each([
    ['applied', 'verified', 'community_admin'],
    ['applied', 'verified', 'street_admin'],
    ['verified', 'active', 'district_admin'],
    ['active', 'suspended', 'community_admin'],
    ['suspended', 'active', 'street_admin'],
    ['active', 'retired', 'district_admin'],
    ['applied', 'retired', 'community_admin'],
  ] as const)('allows %s → %s by a %s', (from, to, role) => {
    expect(() => assertUnitMove(from, to, role)).not.toThrow();
  });

  it.each([
    ['applied', 'active', 'not verified yet'],
    ['verified', 'suspended', 'not active yet'],
    ['retired', 'active', 'is retired'],
    ['suspended', 'verified', 'is suspended'],
  ] as const)('refuses %s → %s, saying the unit %s', (from, to, why) => {
    expect(() => assertUnitMove(from, to, 'street_admin')).toThrow(IllegalUnitMove);
    expect(() => assertUnitMove(from, to, 'street_admin')).toThrow(why);
  });

  it('leaves verification to community and street admins', () => {
    expect(() => assertUnitMove('applied', 'verified', 'district_admin')).toThrow('only a community or street admin');
  });
});
