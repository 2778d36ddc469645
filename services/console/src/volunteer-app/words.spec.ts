import { ApiError, OfflineError } from '../api/call';
import { apiProblem } from '../api/errors';
import { countdown, plainProblem } from './words';

describe('the offer countdown', () => {
  const now = Date.parse('2026-11-27T06:00:00Z');
  it('reads minutes and seconds, then seconds, and stops at zero', () => {
    expect(countdown('2026-11-27T06:01:30Z', now)).toBe('1 分 30 秒');
    expect(countdown('2026-11-27T06:00:09.200Z', now)).toBe('10 秒');
    expect(countdown('2026-11-27T05:59:00Z', now)).toBe('0 秒');
  });
});

describe('refusals in plain words', () => {
  const refused = (status: number, message: string) => new ApiError(apiProblem(status, { message }, []));

  it('says what a taken offer, a wrong code and a lost connection mean, never the service’s English', () => {
    expect(plainProblem(refused(409, 'the offer was withdrawn: the job was taken by another provider'))).toBe(
      '这一单已经被别人接走、已过期，或状态已经变了，请刷新看看。',
    );
    expect(plainProblem(refused(400, 'code: not the code sent to the resident'))).toBe('确认码不对，请核对居民短信里的 6 位数字。');
    expect(plainProblem(new OfflineError())).toBe('网络不太好，请稍后再试。');
    expect(plainProblem(null)).toBeUndefined();
  });
});
