import { rateLimitKey } from './client-address';

describe('the client a per-IP rate limit counts', () => {
  it('is the whole address for IPv4, also when written IPv4-mapped', () => {
    expect(rateLimitKey('203.0.113.7')).toBe('ip:203.0.113.7');
    expect(rateLimitKey('::ffff:203.0.113.7')).toBe('ip:203.0.113.7');
    expect(rateLimitKey('203.0.113.8')).not.toBe(rateLimitKey('203.0.113.7'));
  });

  it('is the /64 for IPv6: one subscriber holds a whole /64 and may pick any address in it', () => {
    const key = rateLimitKey('2001:db8:aa:bb::1');
    expect(rateLimitKey('2001:0db8:00aa:00bb:ffff:1:2:3')).toBe(key);
    expect(rateLimitKey('2001:DB8:AA:BB:1234::')).toBe(key);
    expect(key).toBe('ip6:2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8:aa:bc::1')).not.toBe(key);
    expect(rateLimitKey('::1')).toBe('ip6:0:0:0:0::/64');
  });

  it('keeps whatever else it is given apart rather than lumping it together', () => {
    expect(rateLimitKey('not-an-ip')).toBe('ip:not-an-ip');
  });
});
