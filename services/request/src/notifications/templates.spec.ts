import { ratingLink } from '../sign-off/rating-link';
import { LogNotifier } from './notifier';
import { messageText, redactSecrets } from './templates';

describe('message texts and what is kept of them', () => {
  const codeText = messageText('sign_off_request', { number: 'R20261126-000042', code: '042917', validHours: 72 });

  it('texts the resident the sign-off code', () => {
    expect(codeText).toBe('【帮帮团】单号R20261126-000042签字确认码042917，确认完成后交给服务人员，72小时内有效。');
  });

  it('keeps no sign-off code and no rating token, and everything else', () => {
    expect(redactSecrets(codeText)).toBe('【帮帮团】单号R20261126-000042签字确认码[redacted]，确认完成后交给服务人员，72小时内有效。');
    const link = ratingLink('http://h/p', '0b7d6b0e-2a8f-4f57-8f0e-0c1d7f5e9a11', 'abcDEF_-123');
    const rating = messageText('rating_link', { number: 'R20261126-000042', ratingLink: link });
    expect(redactSecrets(rating)).toBe(rating.replace('abcDEF_-123', '[redacted]'));
    const booking = messageText('booking_code', { number: '', code: '318204', validMinutes: 10 });
    expect(booking).toBe('【帮帮团】您的在线预约验证码318204，10分钟内有效，请勿告诉他人。');
    expect(redactSecrets(booking)).toBe('【帮帮团】您的在线预约验证码[redacted]，10分钟内有效，请勿告诉他人。');
    const intake = messageText('intake', { number: 'R20261126-000042', categoryName: '水电维修' });
    expect(redactSecrets(intake)).toBe(intake);
  });

  it('logs a message (local runs) with the number masked and without its code', async () => {
    const info = jest.fn();
    await new LogNotifier({ info } as never).send({ id: 'n-1', to: '8613812345678', body: codeText });
    expect(info).toHaveBeenCalledTimes(1);
    const logged = JSON.stringify(info.mock.calls[0]);
    expect(logged).not.toContain('042917');
    expect(logged).not.toContain('13812345678');
    expect(logged).toContain('确认码[redacted]');
  });
});
