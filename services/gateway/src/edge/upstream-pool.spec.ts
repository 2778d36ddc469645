import { validateSync } from 'class-validator';
import { IsUrlList, urlList } from '@bangbang/observability';
import { UpstreamPool } from './upstream-pool';

class Config {
  @IsUrlList() URL = '';
}

const errorsFor = (value: string) => {
  const c = new Config();
  c.URL = value;
  return validateSync(c).length;
};

describe('upstream pool', () => {
  it('takes the instances in turn, each call trying the others after its first', () => {
    const pool = new UpstreamPool(urlList('http://a:1, http://b:2/,http://c:3'));
    expect(pool.order()).toEqual(['http://a:1', 'http://b:2', 'http://c:3']);
    expect(pool.order()).toEqual(['http://b:2', 'http://c:3', 'http://a:1']);
    expect(pool.order()).toEqual(['http://c:3', 'http://a:1', 'http://b:2']);
    expect(pool.order()).toEqual(['http://a:1', 'http://b:2', 'http://c:3']);
  });

  it('keeps a single URL working as before', () => {
    const pool = new UpstreamPool(urlList('http://127.0.0.1:3001'));
    expect(pool.order()).toEqual(['http://127.0.0.1:3001']);
    expect(pool.order()).toEqual(['http://127.0.0.1:3001']);
  });

  it('accepts one URL or a comma-separated list, and refuses anything else', () => {
    expect(errorsFor('http://127.0.0.1:3001')).toBe(0);
    expect(errorsFor('http://127.0.0.1:3001,http://127.0.0.1:3101')).toBe(0);
    expect(errorsFor('')).toBe(1);
    expect(errorsFor('http://127.0.0.1:3001,ftp://x')).toBe(1);
    expect(errorsFor('127.0.0.1:3001')).toBe(1);
  });
});
