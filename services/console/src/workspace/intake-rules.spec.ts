import { intakeBody, parsePhoneQuery, validateIntake } from './intake-rules';

const NOW = Date.parse('2026-11-27T08:00:00Z');
const repair = { kind: 'home_service' };
const question = { kind: 'consultation' };

describe('intake form validation', () => {
  it('needs a category and a description', () => {
    expect(validateIntake({}, undefined, NOW)).toEqual({ categoryCode: '请选择服务类别', description: '请记录居民的诉求' });
    expect(validateIntake({ categoryCode: 'pipe-unclog', description: '  ' }, repair, NOW)).toEqual({ description: '请记录居民的诉求' });
    expect(validateIntake({ categoryCode: 'pipe-unclog', description: 'x'.repeat(2001) }, repair, NOW).description).toBe(
      '诉求最多 2000 字',
    );
  });

  it('needs both ends of a preferred window, in order and not past', () => {
    const base = { categoryCode: 'pipe-unclog', description: '下水道堵了' };
    expect(validateIntake({ ...base, windowFrom: '2026-11-27T09:00:00Z' }, repair, NOW)).toEqual({ windowTo: '请填写完整的上门时间段' });
    expect(validateIntake({ ...base, windowFrom: '2026-11-27T10:00:00Z', windowTo: '2026-11-27T09:00:00Z' }, repair, NOW)).toEqual({
      windowTo: '结束时间须晚于开始时间',
    });
    expect(validateIntake({ ...base, windowFrom: '2026-11-27T06:00:00Z', windowTo: '2026-11-27T07:00:00Z' }, repair, NOW)).toEqual({
      windowTo: '上门时间段已经过去',
    });
    expect(validateIntake({ ...base, windowFrom: '2026-11-27T09:00:00Z', windowTo: '2026-11-27T11:00:00Z' }, repair, NOW)).toEqual({});
  });

  it('closes a consultation at intake, so it needs the answer given', () => {
    expect(validateIntake({ categoryCode: 'policy-question', description: '低保怎么申请' }, question, NOW)).toEqual({
      answer: '咨询类在受理时答复并办结，请填写答复内容',
    });
  });

  it('sends the urgency override and window for a home service, the answer for a consultation', () => {
    const values = {
      categoryCode: 'pipe-unclog',
      description: ' 下水道堵了 ',
      urgency: 'emergency',
      windowFrom: 'a',
      windowTo: 'b',
      answer: 'ignored',
    };
    expect(intakeBody('h1', values, repair)).toEqual({
      householdId: 'h1',
      categoryCode: 'pipe-unclog',
      description: '下水道堵了',
      urgency: 'emergency',
      preferredWindow: { from: 'a', to: 'b' },
    });
    expect(intakeBody('h1', { ...values, chosenProviderId: 'u1' }, repair)).toMatchObject({ chosenProviderId: 'u1' });
    expect(intakeBody('h1', { ...values, answer: ' 到社区服务站办理 ', chosenProviderId: 'u1' }, question)).toEqual({
      householdId: 'h1',
      categoryCode: 'pipe-unclog',
      description: '下水道堵了',
      answer: '到社区服务站办理',
    });
  });
});

describe('phone search', () => {
  it('takes a whole number in any common spelling, or the last digits', () => {
    expect(parsePhoneQuery('139 1234-5678')).toEqual({ phone: '13912345678' });
    expect(parsePhoneQuery('+86 13912345678')).toEqual({ phone: '13912345678' });
    expect(parsePhoneQuery('5678')).toEqual({ suffix: '5678' });
    expect(parsePhoneQuery('567')).toEqual({ error: '至少输入号码后 4 位' });
    expect(parsePhoneQuery('王阿姨')).toEqual({ error: '请输入号码或号码后几位（数字）' });
  });
});
