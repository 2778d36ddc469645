import { apiProblem } from './errors';

describe('API refusals on the form', () => {
  it('puts each message on the field it names, nested paths included', () => {
    const body = { statusCode: 400, error: 'Bad Request', message: ['description must be shorter than or equal to 2000 characters', 'residents.0.phones: 123 is not a phone number', 'categoryCode: unknown category x'] };
    expect(apiProblem(400, body, ['description', 'residents', 'categoryCode'])).toEqual({
      status: 400,
      fields: [
        { name: ['description'], errors: ['description must be shorter than or equal to 2000 characters'] },
        { name: ['residents', 0, 'phones'], errors: ['123 is not a phone number'] },
        { name: ['categoryCode'], errors: ['unknown category x'] },
      ],
      general: [],
    });
  });

  it('keeps messages that name no field of the form for the banner', () => {
    expect(apiProblem(404, { statusCode: 404, message: 'household 1 not found' }, ['description'])).toEqual({ status: 404, fields: [], general: ['household 1 not found'] });
    expect(apiProblem(502, undefined, [])).toEqual({ status: 502, fields: [], general: ['请求失败（502）'] });
  });
});
