/** The ledger's kinds of movement as a volunteer would say them. */
export const MOVEMENT_LABELS: Record<string, string> = {
  job: '上门服务',
  bonus: '居民好评奖励',
  activity: '参加活动',
  redemption: '兑换礼品',
  exchange: '兑换服务',
  correction: '积分更正',
};

export const TRAINING_LABELS: Record<string, string> = { ethos: '志愿精神', procedure: '服务流程', safety: '安全知识', skills: '专业技能' };

export const STATUS_LABELS: Record<string, string> = { applied: '审核中', approved: '已通过', rejected: '未通过', suspended: '已暂停' };

/** Seconds left as the countdown reads it: 分 and 秒, never below zero. */
export function countdown(expiresAt: string, now: number): string {
  const left = Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1_000));
  return left >= 60 ? `${Math.floor(left / 60)} 分 ${left % 60} 秒` : `${left} 秒`;
}
