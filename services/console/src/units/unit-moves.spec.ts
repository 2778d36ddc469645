import { priceRange, unitMoves } from './unit-moves';

describe('partner unit moves offered on the page', () => {
  it('lets the community admin verify an application and the district admin only retire it', () => {
    expect(unitMoves('applied', 'community_admin').map((m) => m.to)).toEqual(['verified', 'retired']);
    expect(unitMoves('applied', 'district_admin').map((m) => m.to)).toEqual(['retired']);
  });

  it('suspends and resumes an active unit, offers nothing for a retired one or to an auditor', () => {
    expect(unitMoves('active', 'street_admin').map((m) => m.to)).toEqual(['suspended', 'retired']);
    expect(unitMoves('suspended', 'street_admin').map((m) => m.to)).toEqual(['active', 'retired']);
    expect(unitMoves('retired', 'district_admin')).toEqual([]);
    expect(unitMoves('active', 'auditor')).toEqual([]);
  });

  it('reads prices in yuan', () => {
    expect(priceRange(2_000, 6_000)).toBe('20–60 元');
    expect(priceRange(2_050, 2_050)).toBe('20.5 元');
    expect(priceRange(3_000, null)).toBe('30 元起');
  });
});
