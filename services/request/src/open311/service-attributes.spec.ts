import { checkAttributes, ServiceAttribute, splitAttributes } from './service-attributes';

const problem: ServiceAttribute = {
  variable: true,
  code: 'problem',
  datatype: 'singlevaluelist',
  required: true,
  datatype_description: null,
  order: 1,
  description: '什么问题？',
  values: [
    { key: 'leak', name: '漏水' },
    { key: 'power_cut', name: '断电跳闸' },
  ],
};
const floor: ServiceAttribute = {
  variable: true,
  code: 'floor',
  datatype: 'number',
  required: false,
  datatype_description: '楼层',
  order: 2,
  description: '几楼？',
};
const rooms: ServiceAttribute = {
  variable: true,
  code: 'rooms',
  datatype: 'multivaluelist',
  required: false,
  datatype_description: null,
  order: 3,
  description: '哪些房间？',
  values: [
    { key: 'kitchen', name: '厨房' },
    { key: 'bathroom', name: '卫生间' },
  ],
};
const DEFS = [problem, floor, rooms];

describe('Open311 service attributes', () => {
  it('splits attribute[...] answers from the form fields', () => {
    expect(splitAttributes({ api_key: 'k', 'attribute[problem]': 'leak', 'attribute[rooms][]': ['kitchen', 'bathroom'] })).toEqual({
      fields: { api_key: 'k' },
      answers: { problem: 'leak', rooms: ['kitchen', 'bathroom'] },
    });
  });

  it('takes valid answers, a list answer once per key', () => {
    expect(checkAttributes('water-electric-repair', DEFS, { problem: 'leak', floor: '5', rooms: ['kitchen', 'kitchen'] })).toEqual({
      values: { problem: 'leak', floor: '5', rooms: ['kitchen'] },
    });
    expect(checkAttributes('water-electric-repair', DEFS, { problem: ' power_cut ' })).toEqual({ values: { problem: 'power_cut' } });
  });

  it.each([
    [{}, 'attribute[problem]: required (one of leak, power_cut)'],
    [{ problem: '' }, 'attribute[problem]: required (one of leak, power_cut)'],
    [{ problem: 'fire' }, 'attribute[problem]: must be one of leak, power_cut'],
    [{ problem: ['leak', 'power_cut'] }, 'attribute[problem]: takes one value'],
    [{ problem: 'leak', floor: 'fifth' }, 'attribute[floor]: must be a number'],
    [{ problem: 'leak', rooms: ['kitchen', 'garage'] }, 'attribute[rooms]: must be among kitchen, bathroom'],
    [{ problem: 'leak', colour: 'red' }, 'attribute[colour]: water-electric-repair asks no colour (it asks problem, floor, rooms)'],
    [{ problem: { nested: 'x' } }, 'attribute[problem]: must be text'],
    [
      splitAttributes({ 'attribute[problem]': 'leak', 'attribute[__proto__]': 'x' }).answers,
      'attribute[__proto__]: water-electric-repair asks no __proto__ (it asks problem, floor, rooms)',
    ],
  ])('refuses %j', (answers, error) => {
    expect(checkAttributes('water-electric-repair', DEFS, answers)).toEqual({ errors: [error] });
  });

  it('refuses any answer for a category that asks nothing', () => {
    expect(checkAttributes('book-lending', [], { floor: '5' })).toEqual({ errors: ['attribute[floor]: book-lending asks no floor'] });
    expect(checkAttributes('book-lending', [], {})).toEqual({ values: {} });
  });
});
