import { actionLabel, actorName } from './audit-labels';

describe('the audit log in words', () => {
  it('names known actions and proxied changes in Chinese, and keeps an unknown code as it is', () => {
    expect(actionLabel('household.contact-read')).toBe('查看住户完整信息');
    expect(actionLabel('proxy.post')).toBe('接口提交');
    expect(actionLabel('proxy.options')).toBe('接口调用');
    expect(actionLabel('something.new')).toBe('something.new');
  });

  it('names an actor from the directory, the seed by its job, and anyone else by id', () => {
    const names = new Map([['u1', '李娜']]);
    expect(actorName('u1', names)).toBe('李娜');
    expect(actorName('seed', names)).toBe('演示数据初始化');
    expect(actorName('anonymous', names)).toBe('未登录访客');
    expect(actorName('u2', names)).toBe('u2');
  });
});
