/**
 * The outbound guard for webhooks and feeds (SSRF defence): a target on a private,
 * loopback, link-local or otherwise internal address is refused unless OUTBOUND_ALLOWLIST
 * names its host or a CIDR containing it. Checked when a subscription or feed is saved and
 * again at every request, with a fresh DNS lookup (a name may be re-pointed later).
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { BadRequest } from '../errors.js';

/** Ranges no outbound request may reach by default (IPv4 and IPv6). */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8],
  ['100::', 64], // discard-only
  ['2001:db8::', 32], // documentation
  // Ranges that carry an IPv4 address inside: a gateway turns them into that address, which
  // may be internal. NAT64 (well-known and local-use), 6to4 and Teredo.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['2002::', 16],
  ['2001::', 32],
  // IPv4-mapped, -compatible and -translated addresses (::ffff:a.b.c.d, ::a.b.c.d,
  // ::ffff:0:a.b.c.d, in dotted or hex form) are judged by the IPv4 rules in isInternal().
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

export class OutboundRefused extends BadRequest {
  constructor(message: string) {
    super(message, undefined, 'outbound_refused');
  }
}

export type OutboundPolicy = { allowHosts: Set<string>; allowNets: BlockList };

/** Parses OUTBOUND_ALLOWLIST entries: host names, IPs, or CIDRs (v4 or v6). */
export function outboundPolicy(allowlist: string[]): OutboundPolicy {
  const allowHosts = new Set<string>();
  const allowNets = new BlockList();
  for (const entry of allowlist) {
    const [addr, bits] = entry.split('/');
    const family = isIP(addr);
    if (family && bits !== undefined) allowNets.addSubnet(addr, Number(bits), family === 6 ? 'ipv6' : 'ipv4');
    else if (family) allowNets.addAddress(addr, family === 6 ? 'ipv6' : 'ipv4');
    else allowHosts.add(entry.toLowerCase());
  }
  return { allowHosts, allowNets };
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted quad counts as two), or null. */
function groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number);
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, ...rest] = text.split('::');
  if (rest.length > 0) return null;
  const parse = (part: string) => (part === '' ? [] : part.split(':').map((g) => parseInt(g, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const fill = tail === undefined ? 0 : 8 - front.length - back.length;
  const all = [...front, ...Array<number>(Math.max(0, fill)).fill(0), ...back];
  return all.length === 8 && all.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? all : null;
}

/** The IPv4 address an IPv6 address stands for (mapped, compatible or translated), if any. */
function embeddedIPv4(address: string): string | null {
  const g = groups(address);
  if (!g) return null;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  const v4 = () => `${g[6] >> 8}.${g[6] & 0xff}.${g[7] >> 8}.${g[7] & 0xff}`;
  if (zeros(0, 5) && g[5] === 0xffff) return v4(); // ::ffff:a.b.c.d (mapped)
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(); // ::ffff:0:a.b.c.d (translated)
  if (zeros(0, 6) && (g[6] !== 0 || g[7] > 1)) return v4(); // ::a.b.c.d (compatible; not :: or ::1)
  return null;
}

export function isInternal(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return internal.check(address, 'ipv4');
  const v4 = embeddedIPv4(address);
  if (v4 !== null) return internal.check(v4, 'ipv4');
  return internal.check(address, 'ipv6');
}

function allowedByList(policy: OutboundPolicy, host: string, address: string): boolean {
  if (policy.allowHosts.has(host)) return true;
  const family = isIP(address);
  return policy.allowNets.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * Resolves `url` and returns the address to connect to, or throws OutboundRefused.
 * Only http(s) with no credentials in the URL are accepted.
 */
export async function checkOutbound(url: string, policy: OutboundPolicy): Promise<{ url: URL; address: string }> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new OutboundRefused(`"${url}" is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new OutboundRefused('Only http and https URLs are allowed');
  if (parsed.username || parsed.password)
    throw new OutboundRefused('Credentials in the URL are not allowed; use a secret instead');
  const host = parsed.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
    } catch {
      throw new OutboundRefused(`The host "${host}" could not be resolved`);
    }
  }
  for (const address of addresses) {
    if (isInternal(address) && !allowedByList(policy, host, address)) {
      throw new OutboundRefused(
        `${host} resolves to ${address}, a private, loopback or link-local address; add it to OUTBOUND_ALLOWLIST to allow it`,
      );
    }
  }
  return { url: parsed, address: addresses[0] };
}
