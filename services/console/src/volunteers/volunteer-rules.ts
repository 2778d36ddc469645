import type { Movement } from '../api/admin-types';

export const VOLUNTEER_STATUS_LABELS: Record<string, string> = {
  applied: '待审核',
  approved: '已通过',
  rejected: '未通过',
  suspended: '已暂停',
};
export const VOLUNTEER_STATUS_COLOURS: Record<string, string> = {
  applied: 'gold',
  approved: 'green',
  rejected: 'default',
  suspended: 'red',
};
export const TRAINING_LABELS: Record<string, string> = { ethos: '志愿精神', procedure: '服务流程', safety: '安全规范', skills: '专业技能' };

/** Days a certificate stays "about to expire" before it does. */
export const EXPIRY_WARNING_DAYS = 30;

export type Expiry = 'expired' | 'soon' | 'valid' | 'unknown';

/** Where a certificate stands today: expired, expiring within the warning window, or valid. */
export function certificateExpiry(expiresAt: string | undefined, now = new Date()): Expiry {
  if (!expiresAt) return 'unknown';
  const left = new Date(expiresAt).getTime() - now.getTime();
  if (left < 0) return 'expired';
  return left <= EXPIRY_WARNING_DAYS * 86_400_000 ? 'soon' : 'valid';
}

export const EXPIRY_LABELS: Record<Expiry, { text: string; colour: string }> = {
  expired: { text: '已过期', colour: 'red' },
  soon: { text: '即将到期', colour: 'orange' },
  valid: { text: '有效', colour: 'green' },
  unknown: { text: '未登记', colour: 'default' },
};

const KIND_WORDS: Record<Movement['kind'], string> = {
  job: '完成服务工单',
  bonus: '奖励积分（免费单或居民好评）',
  activity: '参加志愿活动',
  redemption: '兑换奖品',
  exchange: '兑换服务',
  correction: '管理员更正',
};

/** A ledger movement as the volunteer would say it: what happened, and whether points came in or went out. */
export function movementWords(m: Pick<Movement, 'kind' | 'amount'>): { what: string; earned: number | null; spent: number | null } {
  return { what: KIND_WORDS[m.kind] ?? m.kind, earned: m.amount > 0 ? m.amount : null, spent: m.amount < 0 ? -m.amount : null };
}

/** The running balance after each movement, from the statement's opening balance. */
export function runningBalances(opening: number, movements: Array<Pick<Movement, 'amount'>>): number[] {
  let balance = opening;
  return movements.map((m) => (balance += m.amount));
}
