const retryAfter = (res: Response): string => {
  const seconds = Number(res.headers.get('retry-after'));
  return seconds > 90 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds || 60} 秒`;
};

/** Chinese for the gateway's sign-in refusals, lockout and rate limit included. */
export function signInMessage(res: Response): string {
  if (res.status === 401 || res.status === 400) return '用户名或密码不正确';
  if (res.status === 423) return `登录失败次数过多，账户已锁定，请 ${retryAfter(res)}后再试`;
  if (res.status === 429) return `尝试过于频繁，请 ${retryAfter(res)}后再试`;
  return `登录服务暂不可用（${res.status}），请稍后再试`;
}
