import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { PermanentError, TransientError } from '../model/errors.js';

/**
 * Where a crawl may connect (issue 16, "nothing let in"): a page that links or redirects to the metadata service
 * (169.254.169.254), to Redis on loopback or to an intranet address must not make the crawler fetch it. Every address
 * a host name resolves to is checked, after DNS and on every redirect, and the connection is then made to exactly the
 * checked addresses, so a name that resolves differently a moment later (DNS rebinding) changes nothing.
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'reserved';

/** IANA special-purpose registries (RFC 6890 and successors): never a finance bureau's web server. */
const V4: Array<[Exclude<AddressClass, 'public'>, string, number]> = [
  ['unspecified', '0.0.0.0', 8],
  ['private', '10.0.0.0', 8],
  ['private', '100.64.0.0', 10],
  ['loopback', '127.0.0.0', 8],
  ['link-local', '169.254.0.0', 16],
  ['private', '172.16.0.0', 12],
  ['reserved', '192.0.0.0', 24],
  ['reserved', '192.0.2.0', 24],
  ['private', '192.168.0.0', 16],
  ['reserved', '198.18.0.0', 15],
  ['reserved', '198.51.100.0', 24],
  ['reserved', '203.0.113.0', 24],
  ['reserved', '224.0.0.0', 4],
  ['reserved', '240.0.0.0', 4],
];
const V6: Array<[Exclude<AddressClass, 'public'>, string, number]> = [
  ['unspecified', '::', 128],
  ['loopback', '::1', 128],
  ['reserved', '100::', 64],
  ['reserved', '2001:db8::', 32],
  ['private', 'fc00::', 7],
  ['link-local', 'fe80::', 10],
  ['private', 'fec0::', 10],
  ['reserved', 'ff00::', 8],
];

const hex4 = (ip: string): [string, string] => {
  const b = ip.split('.').map(Number);
  const h = (x: number, y: number) => ((x << 8) | y).toString(16);
  return [h(b[0]!, b[1]!), h(b[2]!, b[3]!)];
};

const lists = new Map<Exclude<AddressClass, 'public'>, BlockList>();
for (const [cls, net, prefix] of V4) {
  const list = lists.get(cls) ?? new BlockList();
  // IPv4-mapped addresses (::ffff:a.b.c.d) BlockList matches against these rules itself; 6to4 (2002::/16) and
  // NAT64 (64:ff9b::/96) carry an IPv4 address too, and reach it through a gateway.
  list.addSubnet(net, prefix, 'ipv4');
  const [hi, lo] = hex4(net);
  list.addSubnet(`2002:${hi}:${lo}::`, 16 + prefix, 'ipv6');
  list.addSubnet(`64:ff9b::${hi}:${lo}`, 96 + prefix, 'ipv6');
  lists.set(cls, list);
}
for (const [cls, net, prefix] of V6) {
  const list = lists.get(cls) ?? new BlockList();
  list.addSubnet(net, prefix, 'ipv6');
  lists.set(cls, list);
}

/** The class of a literal address ('::ffff:127.0.0.1' is loopback; a zone id is ignored). */
export function addressClass(address: string): AddressClass {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(ip);
  if (family === 0) throw new Error(`not an IP address: ${address}`);
  for (const [cls, list] of lists) if (list.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return cls;
  return 'public';
}

/** Resolves a host name to every address it has (node:dns lookup, what the connection would use). */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/** Hosts as the site config and `--allow-host` write them: host, host:port, or '.suffix' for subdomains. */
export function hostMatcher(hosts: Iterable<string>): (url: URL) => boolean {
  const exact = new Set<string>();
  const suffixes: string[] = [];
  for (const raw of hosts) {
    const h = raw.trim().toLowerCase();
    if (h.startsWith('.')) suffixes.push(h);
    else if (h) exact.add(h);
  }
  return (url) => {
    const host = url.host.toLowerCase();
    const name = url.hostname.toLowerCase();
    if (exact.has(host) || exact.has(name)) return true;
    return suffixes.some((s) => name.endsWith(s) || name === s.slice(1));
  };
}

export class AddressPolicy {
  private readonly trusted: (url: URL) => boolean;

  /**
   * @param privateHosts hosts allowed to resolve to loopback, private, link-local, unspecified or reserved
   *   addresses (an intranet mirror, a test fixture on 127.0.0.1): the site config's `allowPrivateHosts`.
   */
  constructor(
    privateHosts: Iterable<string> = [],
    private readonly resolver: Resolver = systemResolver,
  ) {
    this.trusted = hostMatcher(privateHosts);
  }

  /**
   * The addresses to connect to for `url`, every one of them checked; throws PermanentError
   * 'crawl.address_not_allowed' when any is not public and the host is not allowed explicitly.
   */
  async resolve(url: URL): Promise<LookupAddress[]> {
    const name = url.hostname.replace(/^\[|\]$/g, '');
    const literal = isIP(name);
    let addresses: LookupAddress[];
    if (literal) addresses = [{ address: name, family: literal }];
    else {
      try {
        addresses = await this.resolver(name);
      } catch (err) {
        const code = (err as { code?: string }).code ?? (err as Error).message;
        throw new TransientError('http.network', `${code}: cannot resolve ${name}: ${url.href}`);
      }
      if (addresses.length === 0) throw new TransientError('http.network', `no address for ${name}: ${url.href}`);
    }
    if (this.trusted(url)) return addresses;
    for (const a of addresses) {
      const cls = addressClass(a.address);
      if (cls !== 'public')
        throw new PermanentError(
          'crawl.address_not_allowed',
          `${url.host} ${literal ? 'is' : `resolves to ${a.address}, which is`} ${/^[aeiou]/.test(cls) ? 'an' : 'a'} ${cls} address; refused (allow the host explicitly with --allow-host ${url.host} or the site config's allowPrivateHosts): ${url.href}`,
        );
    }
    return addresses;
  }
}
