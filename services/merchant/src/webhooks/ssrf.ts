import { isIP } from 'node:net';

/**
 * Where a webhook may be sent. Pure functions: the sender applies them to the URL when an endpoint
 * is registered and before every attempt, and to every address DNS returns at connect time.
 */

type Cidr4 = readonly [number, number];

// Everything that is not the public internet: "this network", private, CGNAT, loopback, link-local
// (cloud metadata at 169.254.169.254), IETF protocol assignments, documentation, 6to4 relay,
// benchmarking, multicast, reserved and broadcast.
const BLOCKED_V4: readonly Cidr4[] = [
  [ipv4('0.0.0.0'), 8],
  [ipv4('10.0.0.0'), 8],
  [ipv4('100.64.0.0'), 10],
  [ipv4('127.0.0.0'), 8],
  [ipv4('169.254.0.0'), 16],
  [ipv4('172.16.0.0'), 12],
  [ipv4('192.0.0.0'), 24],
  [ipv4('192.0.2.0'), 24],
  [ipv4('192.88.99.0'), 24],
  [ipv4('192.168.0.0'), 16],
  [ipv4('198.18.0.0'), 15],
  [ipv4('198.51.100.0'), 24],
  [ipv4('203.0.113.0'), 24],
  [ipv4('224.0.0.0'), 4],
  [ipv4('240.0.0.0'), 4],
];

function ipv4(dotted: string): number {
  return dotted.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function inCidr4(address: number, [base, bits]: Cidr4): boolean {
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(base / size);
}

const isLoopback4 = (n: number) => inCidr4(n, [ipv4('127.0.0.0'), 8]);

/**
 * Reads a host the way `inet_aton` (and so many HTTP stacks) would: `2130706433`, `0x7f000001`,
 * `017700000001`, `127.1` and `0177.0.0.1` are all 127.0.0.1. Undefined when it is not numeric.
 */
export function parseNumericIPv4(host: string): number | undefined {
  const parts = host.split('.');
  if (parts.length > 4 || parts.some((p) => p === '')) return undefined;
  const values: number[] = [];
  for (const part of parts) {
    const value = /^0x[0-9a-f]*$/i.test(part)
      ? parseInt(part.slice(2) || '0', 16)
      : /^0[0-7]*$/.test(part)
        ? parseInt(part, 8)
        : /^[1-9]\d*$/.test(part)
          ? Number(part)
          : NaN;
    if (!Number.isFinite(value)) return undefined;
    values.push(value);
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return undefined;
  return values.reduce((n, v, i) => n + v * 2 ** (8 * (3 - i)), 0) + last;
}

/** Sixteen bytes of an IPv6 address (with or without an embedded dotted quad), or undefined. */
export function parseIPv6(text: string): number[] | undefined {
  let address = text.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(address) !== 6) return undefined;
  address = address.replace(/(\d+\.\d+\.\d+\.\d+)$/, (dotted) => {
    const v4 = ipv4(dotted);
    return `${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  });
  const words = (s: string) => (s ? s.split(':').map((w) => parseInt(w, 16)) : []);
  const [head, tail] = address.split('::');
  const left = words(head);
  const right = tail === undefined ? [] : words(tail);
  const groups = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

const v4FromBytes = (b: number[], at: number) => ((b[at] << 24) >>> 0) + (b[at + 1] << 16) + (b[at + 2] << 8) + b[at + 3];

function blockedV6(b: number[], allowLoopback: boolean): boolean {
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 15) && (b[15] === 0 || b[15] === 1)) return !(allowLoopback && b[15] === 1);
  // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96), 6to4 (2002::/16):
  // judged by the IPv4 address inside.
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return blockedV4(v4FromBytes(b, 12), allowLoopback);
  if (zeros(0, 12)) return blockedV4(v4FromBytes(b, 12), allowLoopback);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return blockedV4(v4FromBytes(b, 12), false);
  if (b[0] === 0x20 && b[1] === 0x02) return blockedV4(v4FromBytes(b, 2), false);
  // Teredo (2001::/32) tunnels to an IPv4 server and client named inside the address: no webhook
  // receiver needs it, and what it reaches is decided by relays we do not control.
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x00 && b[3] === 0x00) return true;
  if ((b[0] & 0xfe) === 0xfc) return true; // unique local fc00::/7
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) return true; // link-local fe80::/10
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0xc0) return true; // site-local fec0::/10, deprecated
  if (b[0] === 0xff) return true; // multicast
  if (b[0] === 0x20 && b[1] === 0x01 && b[2] === 0x0d && b[3] === 0xb8) return true; // documentation
  if (b[0] === 0x01 && zeros(1, 8)) return true; // discard-only 100::/64
  return (b[0] & 0xe0) !== 0x20; // outside 2000::/3, the only globally routed unicast block
}

function blockedV4(n: number, allowLoopback: boolean): boolean {
  if (allowLoopback && isLoopback4(n)) return false;
  return n === 0xffffffff || BLOCKED_V4.some((cidr) => inCidr4(n, cidr));
}

/**
 * Whether an address (any textual form) must not be connected to. `allowLoopback` is the local-test
 * switch and opens loopback only, never private or metadata ranges.
 */
export function isForbiddenAddress(address: string, allowLoopback = false): boolean {
  const v4 = isIP(address) === 4 ? ipv4(address) : parseNumericIPv4(address);
  if (v4 !== undefined) return blockedV4(v4, allowLoopback);
  const v6 = parseIPv6(address);
  if (v6) return blockedV6(v6, allowLoopback);
  return true;
}

export interface UrlPolicy {
  /** Local testing only: http, any port, and loopback addresses. */
  allowLocalHttp: boolean;
}

const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain']);

/** Why the URL may not be a webhook endpoint, or undefined when it may. DNS names are checked at connect time. */
export function refuseUrl(raw: string, policy: UrlPolicy): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.username || url.password) return 'credentials in the URL are not allowed';
  const local = policy.allowLocalHttp;
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) return 'must be an https URL';
  if (!local && url.port !== '' && url.port !== '443') return 'must use port 443';
  // The WHATWG parser already turns 2130706433, 0x7f000001 and 017700000001 into 127.0.0.1.
  const host = url.hostname
    .replace(/^\[|\]$/g, '')
    .toLowerCase()
    .replace(/\.$/, '');
  if (LOCAL_NAMES.has(host) || host.endsWith('.localhost')) return local ? undefined : 'must not point at this machine';
  const numeric = isIP(host) !== 0 || parseNumericIPv4(host) !== undefined;
  if (numeric && isForbiddenAddress(host, local)) return 'must not point at a private, loopback, link-local or reserved address';
  if (!numeric && !host.includes('.')) return 'must be a fully qualified host name';
  return undefined;
}
