import { levelProblem, mayAssign } from './role-policy';

describe('role policy', () => {
  it('never lets an admin grant a role above their own', () => {
    expect(mayAssign('street_admin', 'district_admin')).toBe(false);
    expect(mayAssign('community_admin', 'street_admin')).toBe(false);
    expect(mayAssign('street_admin', 'auditor')).toBe(false);
    expect(mayAssign('street_admin', 'community_admin')).toBe(true);
    expect(mayAssign('district_admin', 'auditor')).toBe(true);
  });

  it('lets no one but admins grant roles', () => {
    expect(mayAssign('agent', 'agent')).toBe(false);
    expect(mayAssign('auditor', 'agent')).toBe(false);
  });

  it('puts each role at its level', () => {
    expect(levelProblem('community_admin', 'community', 'jincheng')).toBeUndefined();
    expect(levelProblem('agent', 'district', 'nanchang')).toBeUndefined();
    expect(levelProblem('street_admin', 'community', 'jincheng')).toBe('a street_admin works at a street, and jincheng is a community');
  });
});
