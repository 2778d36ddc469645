import { signInMessage } from './sign-in-message';

const refusal = (status: number, retryAfter?: string) =>
  new Response(null, { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });

describe('sign-in refusals in plain Chinese', () => {
  it('says the credentials are wrong without saying which', () => {
    expect(signInMessage(refusal(401))).toBe('用户名或密码不正确');
  });

  it('says the account is locked and for how long', () => {
    expect(signInMessage(refusal(423, '900'))).toBe('登录失败次数过多，账户已锁定，请 15 分钟后再试');
  });

  it('says to slow down and when to try again', () => {
    expect(signInMessage(refusal(429, '12'))).toBe('尝试过于频繁，请 12 秒后再试');
  });

  it('tells a broken service apart from a refusal', () => {
    expect(signInMessage(refusal(503))).toBe('登录服务暂不可用（503），请稍后再试');
  });
});
