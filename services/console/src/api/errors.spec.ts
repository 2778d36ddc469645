import { apiProblem } from './errors';

describe('API refusals on the form, in Chinese', () => {
  it('puts each message on the form field its API field maps to, nested paths included', () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: [
        'description must be shorter than or equal to 2000 characters',
        'residents.0.phones.1: 123 is not a phone number (a mobile or a landline with its area code)',
        'categoryCode: unknown category x',
      ],
    };
    expect(apiProblem(400, body, { description: 'description', 'residents.*.phones': 'phone', categoryCode: 'categoryCode' })).toEqual({
      status: 400,
      fields: [
        { name: ['description'], errors: ['最多 2000 个字'] },
        { name: ['phone'], errors: ['不是有效的电话号码（手机号，或带区号的座机）'] },
        { name: ['categoryCode'], errors: ['该类别不存在，或本社区未开通'] },
      ],
      general: [],
      named: ['description', 'residents.0.phones.1', 'categoryCode'],
    });
  });

  it('maps by the longest prefix, and takes a plain list as the same names', () => {
    expect(
      apiProblem(400, { message: ['preferredWindow.to must be a valid ISO 8601 date string'] }, { preferredWindow: 'window' }).fields,
    ).toEqual([{ name: ['window'], errors: ['格式不正确'] }]);
    expect(apiProblem(400, { message: 'purpose: required to see unmasked contact data' }, ['purpose']).fields).toEqual([
      { name: ['purpose'], errors: ['此项必填'] },
    ]);
  });

  it("says what a message naming a field off the form means, with the field's name in front", () => {
    expect(apiProblem(404, { message: 'householdId: household 1 not found' }, ['description']).general).toEqual([
      '住户：不存在，或不在您的管辖范围内',
    ]);
  });

  it('falls back on the status for messages naming no field, and never shows the English', () => {
    expect(apiProblem(404, { statusCode: 404, message: 'household 1 not found' }, ['description'])).toMatchObject({
      status: 404,
      fields: [],
      general: ['未找到，或不在您的管辖范围内'],
    });
    expect(apiProblem(409, { message: 'cannot assign: the job is completed' }, []).general).toEqual([
      '当前状态下不能这样操作，请刷新后查看',
    ]);
    expect(apiProblem(502, undefined, [])).toEqual({ status: 502, fields: [], general: ['服务暂时不可用（502），请稍后重试'], named: [] });
  });

  it('says that a resubmit with changed content may repeat a submit whose answer was lost', () => {
    const body = { statusCode: 422, message: 'Idempotency-Key: already used for a different request body' };
    expect(apiProblem(422, body, ['description']).general).toEqual([
      '先前那次提交可能已经办理，而这次的内容与它不同：请先查看是否已办理，勿重复提交',
    ]);
  });

  it('names the dispatch rule a manual assignment breaks, on the provider field when the form has one', () => {
    const body = { statusCode: 422, rule: 'free-jobs', message: 'provider u1 takes no free jobs' };
    expect(apiProblem(422, body, ['providerId', 'reason']).fields).toEqual([{ name: ['providerId'], errors: ['该服务方不接免费服务单'] }]);
    expect(apiProblem(422, body, []).general).toEqual(['该服务方不接免费服务单']);
  });
});
