export interface NavEntry {
  path: string;
  label: string;
}

const WORKSPACE: NavEntry = { path: '/workspace', label: '坐席工作台' };
const BOARD: NavEntry = { path: '/board', label: '工单看板' };
const FOLLOW_UPS: NavEntry = { path: '/follow-ups', label: '回访队列' };
const AUDIT: NavEntry = { path: '/audit', label: '审计日志' };
const FIGURES: NavEntry = { path: '/figures', label: '统计分析' };
const UNITS: NavEntry = { path: '/units', label: '加盟单位' };
const VOLUNTEERS: NavEntry = { path: '/volunteers', label: '志愿者' };
const POINTS: NavEntry = { path: '/points', label: '积分奖励' };
const ORGANISATION: NavEntry = { path: '/organisation', label: '组织管理' };
const TELEPHONY: NavEntry = { path: '/telephony', label: '话务管理' };

const ADMINS = ['community_admin', 'street_admin', 'district_admin'];
const DESK = ['agent', ...ADMINS];

/**
 * What each role may open: agents take calls, watch the board and call residents back; admins watch their requests
 * (and may take a call) and run their partner units, volunteers and points, with the figures; auditors read the audit
 * log, as does the district admin, and the administration pages.
 */
export function navFor(role: string): NavEntry[] {
  const entries: NavEntry[] = [];
  if (DESK.includes(role)) entries.push(WORKSPACE, BOARD, FOLLOW_UPS);
  if (role === 'auditor' || role === 'district_admin') entries.push(AUDIT);
  // Auditors read the administration pages too; the services refuse them every change.
  if (role === 'auditor' || ADMINS.includes(role)) entries.push(FIGURES, UNITS, VOLUNTEERS, POINTS, ORGANISATION);
  // Extensions and blocked numbers are the desk's own business; the request service and gateway refuse auditors.
  if (ADMINS.includes(role)) entries.push(TELEPHONY);
  return entries;
}

/** Where a role lands after signing in. */
export function homeFor(role: string): string {
  if (role === 'agent') return WORKSPACE.path;
  if (DESK.includes(role)) return BOARD.path;
  return navFor(role)[0]?.path ?? '/';
}
