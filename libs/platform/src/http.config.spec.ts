import { loadConfig } from '@bangbang/observability';
import { HttpConfig, trustProxy } from './http.config';

describe('TRUST_PROXY', () => {
  it('trusts nobody by default', () => {
    expect(trustProxy(loadConfig(HttpConfig, {}).TRUST_PROXY)).toBe(false);
  });

  it('reads true, a hop count, or a list of proxies', () => {
    expect(trustProxy('true')).toBe(true);
    const twoHops = trustProxy('2') as (address: string, hop: number) => boolean;
    expect([twoHops('10.0.0.1', 0), twoHops('10.0.0.1', 1), twoHops('10.0.0.1', 2)]).toEqual([true, true, false]);
    expect(trustProxy('10.0.0.0/8,192.168.1.1')).toEqual(['10.0.0.0/8', '192.168.1.1']);
  });

  it('names the variable when it is not one of those', () => {
    expect(() => loadConfig(HttpConfig, { TRUST_PROXY: 'everyone' })).toThrow(
      /TRUST_PROXY must be true, a hop count, or a list of addresses/,
    );
  });
});
