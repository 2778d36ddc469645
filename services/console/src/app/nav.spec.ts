import { homeFor, navFor } from './nav';

describe('navigation by role', () => {
  it('gives agents the workspace, the board and the follow-up queue, landing on the workspace', () => {
    expect(navFor('agent').map((e) => e.path)).toEqual(['/workspace', '/board', '/follow-ups']);
    expect(homeFor('agent')).toBe('/workspace');
  });

  it('lands admins on the board; only the district admin and auditors see the audit log', () => {
    const admin = ['/figures', '/units', '/volunteers', '/points', '/organisation'];
    expect(homeFor('community_admin')).toBe('/board');
    expect(navFor('community_admin').map((e) => e.path)).toEqual(['/workspace', '/board', '/follow-ups', ...admin, '/telephony']);
    expect(navFor('street_admin').map((e) => e.path)).toEqual(['/workspace', '/board', '/follow-ups', ...admin, '/telephony']);
    expect(navFor('district_admin').map((e) => e.path)).toEqual(['/workspace', '/board', '/follow-ups', '/audit', ...admin, '/telephony']);
    expect(navFor('auditor').map((e) => e.path)).toEqual(['/audit', ...admin]);
    expect(homeFor('auditor')).toBe('/audit');
  });

  it('gives providers and residents nothing here', () => {
    expect(navFor('merchant')).toEqual([]);
  });
});
