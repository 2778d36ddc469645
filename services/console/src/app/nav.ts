export interface NavEntry {
  path: string;
  label: string;
}

const WORKSPACE: NavEntry = { path: '/workspace', label: '坐席工作台' };
const BOARD: NavEntry = { path: '/board', label: '工单看板' };
const FOLLOW_UPS: NavEntry = { path: '/follow-ups', label: '回访队列' };
const AUDIT: NavEntry = { path: '/audit', label: '审计日志' };

const DESK = ['agent', 'community_admin', 'street_admin', 'district_admin'];

/**
 * What each role may open: agents take calls, watch the board and call residents back; admins watch their requests
 * (and may take a call); auditors read the audit log, as does the district admin.
 */
export function navFor(role: string): NavEntry[] {
  const entries: NavEntry[] = [];
  if (DESK.includes(role)) entries.push(WORKSPACE, BOARD, FOLLOW_UPS);
  if (role === 'auditor' || role === 'district_admin') entries.push(AUDIT);
  return entries;
}

/** Where a role lands after signing in. */
export function homeFor(role: string): string {
  if (role === 'agent') return WORKSPACE.path;
  if (DESK.includes(role)) return BOARD.path;
  return navFor(role)[0]?.path ?? '/';
}
