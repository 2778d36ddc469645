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

import { ApiError, OfflineError } from '../api/call';

/** A refusal in the words of the app; the services' own messages are written for developers. */
export function plainProblem(err: unknown): string | undefined {
  if (!err) return undefined;
  if (err instanceof OfflineError) return '网络不太好，请稍后再试。';
  if (!(err instanceof ApiError)) return '出了点问题，请稍后再试。';
  if (err.status === 409) return '这一单已经被别人接走、已过期，或状态已经变了，请刷新看看。';
  if (err.status === 403) return '您现在不能做这件事（审核未通过、培训未完成或已暂停），请联系社区。';
  if (err.status === 429) return '试的次数太多了，请过一会儿再试，或请居民打热线。';
  if (err.status === 400 && err.concerns('code')) return '确认码不对，请核对居民短信里的 6 位数字。';
  if (err.status === 400 && err.concerns('password')) return '密码至少要 10 位。';
  if (err.status === 400 && err.concerns('username')) return '用户名只能用小写字母、数字、点或横线，至少 3 位。';
  if (err.status === 400 && err.concerns('phone')) return '手机号要填 11 位数字。';
  if (err.status === 400) return '填写的内容有误，请检查后再提交。';
  if (err.status === 404) return '没有找到，可能已经处理完了。';
  return '出了点问题，请稍后再试。';
}

/** Seconds left as the countdown reads it: 分 and 秒, never below zero. */
export function countdown(expiresAt: string, now: number): string {
  const left = Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now) / 1_000));
  return left >= 60 ? `${Math.floor(left / 60)} 分 ${left % 60} 秒` : `${left} 秒`;
}
