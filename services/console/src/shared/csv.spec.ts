import { toCsv } from './csv';

describe('toCsv', () => {
  it('quotes cells with commas, quotes or line breaks, leaves empty cells empty, and starts with a BOM', () => {
    const text = toCsv<{ a: string; b: number | null }>(
      [
        { title: '名称', value: (r) => r.a },
        { title: '值', value: (r) => r.b },
      ],
      [
        { a: '金城, 社区', b: 1 },
        { a: 'say "hi"', b: null },
      ],
    );
    expect(text).toBe('\uFEFF名称,值\r\n"金城, 社区",1\r\n"say ""hi""",\r\n');
  });
});
