import { isForbiddenAddress, parseNumericIPv4, refuseUrl } from './ssrf';

const strict = { allowLocalHttp: false };
const local = { allowLocalHttp: true };

describe('SSRF guard: addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private 10/8'],
    ['172.16.0.1', 'private 172.16/12'],
    ['172.31.255.255', 'private 172.16/12'],
    ['192.168.1.1', 'private 192.168/16'],
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.0.1', 'link-local'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['fe80::1', 'IPv6 link-local'],
    ['fe80::1%eth0', 'IPv6 link-local with zone'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of metadata'],
    ['2002:7f00:1::', '6to4 of loopback'],
    ['2002:a00:1::1', '6to4 of private 10/8'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001::1', 'Teredo, short'],
    ['2001:0:a9fe:a9fe::1', 'Teredo with a metadata server'],
    ['64:ff9b::127.0.0.1', 'NAT64 of loopback, dotted'],
    ['64:ff9b:1::a00:1', 'local-use NAT64 (64:ff9b:1::/48)'],
    ['::ffff:0:7f00:1', 'IPv4-translated (SIIT) loopback'],
    ['::ffff:0:a9fe:a9fe', 'IPv4-translated (SIIT) metadata'],
    ['0:0:0:0:0:ffff:169.254.169.254', 'IPv4-mapped metadata, long form'],
    ['2001:db8::1', 'IPv6 documentation'],
    ['2130706433', 'decimal loopback'],
    ['0x7f000001', 'hex loopback'],
    ['017700000001', 'octal loopback'],
    ['0177.0.0.1', 'octal dotted loopback'],
    ['127.1', 'short loopback'],
    ['0xa9.0xfe.0xa9.0xfe', 'hex dotted metadata'],
    ['2852039166', 'decimal metadata'],
    ['not-an-ip', 'not an address'],
  ])('refuses %s (%s)', (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700:4700::1111',
    '::ffff:8.8.8.8',
    '2001:4860:4860::8888',
    '2002:808:808::1',
  ])('allows public %s', (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });

  it('opens loopback only, and nothing else, in local mode', () => {
    expect(isForbiddenAddress('127.0.0.1', true)).toBe(false);
    expect(isForbiddenAddress('::1', true)).toBe(false);
    expect(isForbiddenAddress('10.0.0.1', true)).toBe(true);
    expect(isForbiddenAddress('169.254.169.254', true)).toBe(true);
  });

  it('reads numeric host forms as inet_aton does', () => {
    expect(parseNumericIPv4('2130706433')).toBe(0x7f000001);
    expect(parseNumericIPv4('0x7f000001')).toBe(0x7f000001);
    expect(parseNumericIPv4('017700000001')).toBe(0x7f000001);
    expect(parseNumericIPv4('127.0.1')).toBe(0x7f000001);
    expect(parseNumericIPv4('example.com')).toBeUndefined();
    expect(parseNumericIPv4('256.1.1.1')).toBeUndefined();
  });
});

describe('SSRF guard: endpoint URLs', () => {
  it.each([
    ['http://hooks.example.com/bangbang', 'must be an https URL'],
    ['https://hooks.example.com:8443/x', 'port 443'],
    ['https://127.0.0.1/x', 'private, loopback'],
    ['https://2130706433/x', 'private, loopback'],
    ['https://0x7f000001/x', 'private, loopback'],
    ['https://017700000001/x', 'private, loopback'],
    ['https://169.254.169.254/latest/meta-data', 'private, loopback'],
    ['https://[::1]/x', 'private, loopback'],
    ['https://[::ffff:127.0.0.1]/x', 'private, loopback'],
    ['https://[fd00::1]/x', 'private, loopback'],
    ['https://10.0.0.8/x', 'private, loopback'],
    ['https://100.64.1.1/x', 'private, loopback'],
    ['https://localhost/x', 'this machine'],
    ['https://intranet/x', 'fully qualified'],
    ['https://user:pw@hooks.example.com/x', 'credentials'],
    ['ftp://hooks.example.com/x', 'https'],
    ['not a url', 'not a valid URL'],
  ])('refuses %s', (url, why) => {
    expect(refuseUrl(url, strict)).toContain(why);
  });

  it('allows public https on 443', () => {
    expect(refuseUrl('https://hooks.example.com/bangbang', strict)).toBeUndefined();
    expect(refuseUrl('https://hooks.example.com:443/bangbang', strict)).toBeUndefined();
    expect(refuseUrl('https://93.184.216.34/bangbang', strict)).toBeUndefined();
  });

  it('allows http to loopback only behind the local switch', () => {
    expect(refuseUrl('http://127.0.0.1:4100/hook', local)).toBeUndefined();
    expect(refuseUrl('http://localhost:4100/hook', local)).toBeUndefined();
    expect(refuseUrl('http://10.0.0.1:4100/hook', local)).toContain('private');
    expect(refuseUrl('http://169.254.169.254/', local)).toContain('private');
  });
});
