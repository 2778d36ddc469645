import { inputProblems, MAX_DEPTH, MAX_PROBLEMS, textProblem, unsupportedMediaType } from './input-rules';
import { isDateTime } from './is-date-time';

const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : [nested(depth - 1)]);

describe('input rules', () => {
  it('passes ordinary values, keeping tabs and line breaks in free text', () => {
    expect(inputProblems({ description: '水管漏了\n厨房\t里\r\n', n: 42, ok: true, none: null, list: ['a', 1], emoji: '帮帮 👍' })).toEqual(
      [],
    );
  });

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', '\u0007'],
    ['escape', 'x\u001b[31m'],
    ['DEL', '\u007f'],
    ['a C1 control', '\u0085'],
  ])('refuses %s in text, naming the field by its path', (_, text) => {
    expect(inputProblems({ residents: [{ name: 'ok' }, { name: text }] })).toEqual([
      'residents.1.name must not contain control characters (only tab and line breaks are allowed)',
    ]);
  });

  it.each([
    ['a lone high surrogate', 'a\ud800'],
    ['a lone low surrogate', '\udc00b'],
    ['reversed pair', '\udc00\ud800'],
  ])('refuses %s', (_, text) => {
    expect(inputProblems({ name: text })).toEqual(['name must be well-formed text (it holds a lone UTF-16 surrogate)']);
  });

  it('accepts surrogate pairs', () => {
    expect(textProblem('\ud83d\udc4d')).toBeUndefined();
  });

  it.each([2 ** 53, -(2 ** 53), 1e300, Infinity, NaN])('refuses %p, which is not within the safe integers', (n) => {
    expect(inputProblems({ a: { points: n } })).toEqual([
      `a.points must be a number between -${Number.MAX_SAFE_INTEGER} and ${Number.MAX_SAFE_INTEGER}`,
    ]);
  });

  it('accepts the largest safe integers and ordinary fractions', () => {
    expect(inputProblems([Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 0.5, 31.23])).toEqual([]);
  });

  it(`allows ${MAX_DEPTH} levels of nesting and refuses one more`, () => {
    expect(inputProblems(nested(MAX_DEPTH))).toEqual([]);
    expect(inputProblems(nested(MAX_DEPTH + 1))).toEqual([
      `${Array(MAX_DEPTH).fill(0).join('.')} is nested too deeply (at most ${MAX_DEPTH} levels of objects and arrays)`,
    ]);
  });

  it('walks a hostile depth without recursion', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(inputProblems({ residents: deep })).toHaveLength(1);
  });

  it('refuses control characters in property names, escaping them in the message', () => {
    expect(inputProblems({ a: { 'x\u0000': 1 } })).toEqual([
      'a: property name "x\\u0000" must not contain control characters (only tab and line breaks are allowed)',
    ]);
  });

  it('names a whole body that is a bad string, and stops after a bounded number of problems', () => {
    expect(inputProblems('\u0000')).toEqual(['body must not contain control characters (only tab and line breaks are allowed)']);
    expect(inputProblems(Array(1000).fill('\u0000'))).toHaveLength(MAX_PROBLEMS);
  });

  it('leaves raw bytes alone', () => {
    expect(inputProblems(Buffer.from([0, 1, 2]))).toEqual([]);
  });
});

describe('media types', () => {
  it('takes JSON everywhere, with or without a charset', () => {
    expect(unsupportedMediaType('application/json', false)).toBeUndefined();
    expect(unsupportedMediaType('Application/JSON; charset=utf-8', false)).toBeUndefined();
  });

  it('takes a form only where the route says so', () => {
    expect(unsupportedMediaType('application/x-www-form-urlencoded', true)).toBeUndefined();
    expect(unsupportedMediaType('application/x-www-form-urlencoded', false)).toBe(
      'content-type must be application/json, not application/x-www-form-urlencoded',
    );
  });

  it('refuses anything else, or a body without a type', () => {
    expect(unsupportedMediaType('text/plain', true)).toBe(
      'content-type must be application/json or application/x-www-form-urlencoded, not text/plain',
    );
    expect(unsupportedMediaType(undefined, false)).toBe('content-type must be application/json, not missing');
  });
});

describe('dates', () => {
  it.each(['2026-11-26', '2026-11-26T09:30', '2026-11-26T09:30:00Z', '2026-11-26T09:30:00.123+08:00', '2024-02-29T00:00:00Z'])(
    'takes %s',
    (s) => {
      expect(isDateTime(s)).toBe(true);
    },
  );

  it.each([
    '2026-02-30',
    '2025-02-29T00:00:00Z',
    '-2026-11-26T01:00:00Z',
    '+2026-11-26',
    '2026-W05',
    '2026-050',
    '0000-01-01',
    '1899-12-31T23:59:59Z',
    '2026-11-26T25:00:00Z',
    20261126,
    '',
  ])('refuses %p', (s) => {
    expect(isDateTime(s)).toBe(false);
  });
});
