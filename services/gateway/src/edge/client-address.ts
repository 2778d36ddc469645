import { isIPv4, isIPv6 } from 'node:net';

/**
 * The bucket a per-IP rate limit takes from. An IPv6 subscriber is usually given a whole /64 and
 * can pick a fresh address in it for every request, so IPv6 clients are counted by their /64;
 * IPv4 (also written IPv4-mapped) by the address.
 */
export function rateLimitKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1])) return `ip:${mapped[1]}`;
  if (!isIPv6(ip)) return `ip:${ip}`;
  return `ip6:${ipv6Groups(ip).slice(0, 4).join(':')}::/64`;
}

/** The eight groups of an IPv6 address, `::` expanded, without leading zeros, lower case. */
function ipv6Groups(ip: string): string[] {
  const [head, tail] = ip.toLowerCase().split('::');
  const part = (s: string | undefined) => (s ? s.split(':') : []);
  const [left, right] = [part(head), part(tail)];
  // An embedded IPv4 tail (::1.2.3.4) fills the last two groups.
  const expand = (groups: string[]) => groups.flatMap((g) => (g.includes('.') ? ipv4AsGroups(g) : [g]));
  const l = expand(left);
  const r = expand(right);
  const middle = tail === undefined ? [] : Array<string>(8 - l.length - r.length).fill('0');
  return [...l, ...middle, ...r].map((g) => parseInt(g, 16).toString(16));
}

function ipv4AsGroups(v4: string): string[] {
  const [a, b, c, d] = v4.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
