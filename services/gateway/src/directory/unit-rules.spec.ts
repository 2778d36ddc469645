import { childPath, mayManage, placementProblem, retirementProblem } from './unit-rules';

describe('unit rules', () => {
  it('lets only the district admin manage streets, and district or street admins manage communities', () => {
    expect(mayManage('district_admin', 'street')).toBe(true);
    expect(mayManage('street_admin', 'street')).toBe(false);
    expect(mayManage('street_admin', 'community')).toBe(true);
    expect(mayManage('community_admin', 'community')).toBe(false);
    expect(mayManage('agent', 'community')).toBe(false);
  });

  it('provisions districts outside the API', () => {
    expect(mayManage('district_admin', 'district')).toBe(false);
  });

  it('puts a community under a street only, and never under a retired one', () => {
    expect(placementProblem('community', { code: 'jinxing', level: 'street', status: 'active' })).toBeUndefined();
    expect(placementProblem('community', { code: 'nanchang', level: 'district', status: 'active' })).toMatch(/belongs to a street/);
    expect(placementProblem('street', { code: 'nanchang', level: 'district', status: 'retired' })).toMatch(/retired/);
  });

  it('builds paths with a trailing slash', () => {
    expect(childPath('/nanchang/jinxing/', 'jincheng')).toBe('/nanchang/jinxing/jincheng/');
  });

  it('refuses to retire a unit with active children, naming them', () => {
    expect(retirementProblem('jinxing', [])).toBeUndefined();
    expect(retirementProblem('jinxing', ['jincheng', 'jinhu'])).toBe(
      'jinxing still has 2 active unit(s) under it (jincheng, jinhu); retire them first',
    );
  });
});
