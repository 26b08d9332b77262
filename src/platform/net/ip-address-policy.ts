import { isIPv4, isIPv6 } from 'node:net';

/**
 * Which IP addresses an outbound call from SAC must never reach (SSRF, F-27): loopback, private,
 * link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved and documentation ranges —
 * in IPv4 and IPv6, including IPv4 addresses embedded in IPv6 (mapped, NAT64, 6to4).
 */
interface Range {
  base: bigint;
  prefix: number;
  bits: 32 | 128;
  label: string;
}

const ipv4Ranges: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (incl. cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved / broadcast'],
];

const ipv6Ranges: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'IPv4-compatible (deprecated)'],
  ['100::', 64, 'discard'],
  ['2001:db8::', 32, 'documentation'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local (deprecated)'],
  ['ff00::', 8, 'multicast'],
];

/** IPv6 prefixes that carry an IPv4 address in their low (or, for 6to4, 2nd–3rd group) bits. */
const embeddedIpv4: { prefix: string; length: number; shift: bigint }[] = [
  { prefix: '::ffff:0:0', length: 96, shift: 0n }, // IPv4-mapped
  { prefix: '64:ff9b::', length: 96, shift: 0n }, // NAT64
  { prefix: '2002::', length: 16, shift: 80n }, // 6to4
];

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint {
  let text = ip.split('%')[0]!.toLowerCase();
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = ipv4ToBigInt(dotted[1]!);
    text = text.slice(0, -dotted[1]!.length) + ((v4 >> 16n) & 0xffffn).toString(16) + ':' + (v4 & 0xffffn).toString(16);
  }
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  const groups = tail === undefined ? headGroups : [...headGroups, ...Array(missing).fill('0'), ...tailGroups];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(Number.parseInt(g, 16)), 0n);
}

function toRanges(list: [string, number, string][], bits: 32 | 128): Range[] {
  const parse = bits === 32 ? ipv4ToBigInt : ipv6ToBigInt;
  return list.map(([ip, prefix, label]) => ({ base: parse(ip), prefix, bits, label }));
}

const blockedRanges = [...toRanges(ipv4Ranges, 32), ...toRanges(ipv6Ranges, 128)];

function inRange(value: bigint, bits: number, base: bigint, prefix: number): boolean {
  const shift = BigInt(bits - prefix);
  return value >> shift === base >> shift;
}

function ipv4Reason(value: bigint): string | null {
  const hit = blockedRanges.find((r) => r.bits === 32 && inRange(value, 32, r.base, r.prefix));
  return hit ? hit.label : null;
}

/**
 * Why `ip` must not be called, or `null` if it is a public unicast address.
 * Anything that is not a syntactically valid IP address is refused too.
 */
export function blockedAddressReason(ip: string): string | null {
  if (isIPv4(ip)) return ipv4Reason(ipv4ToBigInt(ip));
  if (!isIPv6(ip)) return 'not an IP address';
  const value = ipv6ToBigInt(ip);
  for (const embedded of embeddedIpv4) {
    if (inRange(value, 128, ipv6ToBigInt(embedded.prefix), embedded.length)) {
      const reason = ipv4Reason((value >> embedded.shift) & 0xffffffffn);
      return reason ? `${reason} (IPv4 embedded in IPv6)` : null;
    }
  }
  const hit = blockedRanges.find((r) => r.bits === 128 && inRange(value, 128, r.base, r.prefix));
  return hit ? hit.label : null;
}
