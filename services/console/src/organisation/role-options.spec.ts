import { assignableRoles, levelsFor } from './role-options';

describe('roles an admin may grant', () => {
  it("never offers a role above the admin's own", () => {
    expect(assignableRoles('community_admin')).toEqual(['community_admin', 'agent']);
    expect(assignableRoles('street_admin')).not.toContain('district_admin');
    expect(assignableRoles('auditor')).toEqual([]);
  });

  it('places each role at its level', () => {
    expect(levelsFor('street_admin')).toEqual(['street']);
    expect(levelsFor('agent')).toEqual(['district', 'street', 'community']);
  });
});
