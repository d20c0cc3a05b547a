import { PermanentError } from '../model/errors.js';
import { AddressPolicy, hostMatcher, type Resolver } from './address-guard.js';

/** Schemes the crawler will ever request (issue 6, Safety): no file:, data:, ftp:, javascript:. */
const SCHEMES = new Set(['http:', 'https:']);

/** Resolves `href` against `base`; undefined for unparsable or non-http(s) links. */
export function resolveUrl(href: string, base: string): string | undefined {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  try {
    const url = new URL(trimmed, base);
    return SCHEMES.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The frontier's dedupe key: lowercase host, default port dropped (WHATWG URL does both),
 * fragment removed, `/index.html` kept distinct from `/` because small CMSs serve different
 * pages for them.
 */
export function normaliseUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  return url.href;
}

/** Host names the crawl may touch; a leading '.' allows subdomains ('.gov.cn'). */
export class HostPolicy {
  private readonly matches: (url: URL) => boolean;
  /** Where those hosts may connect: public addresses only, unless a host is allowed private ones explicitly. */
  readonly addresses: AddressPolicy;

  constructor(hosts: Iterable<string>, opts: { privateHosts?: Iterable<string>; resolver?: Resolver } = {}) {
    this.matches = hostMatcher(hosts);
    this.addresses = new AddressPolicy(opts.privateHosts ?? [], opts.resolver);
  }

  allows(href: string): boolean {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return false;
    }
    return SCHEMES.has(url.protocol) && this.matches(url);
  }

  /** Throws the PermanentError the fetcher reports for a refused URL. */
  check(href: string): URL {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      throw new PermanentError('crawl.bad_url', `not a URL: ${href}`);
    }
    if (!SCHEMES.has(url.protocol))
      throw new PermanentError('crawl.scheme_not_allowed', `scheme ${url.protocol} refused: ${href}`);
    if (!this.allows(href))
      throw new PermanentError('crawl.host_not_allowed', `host ${url.host} is not an allowed host: ${href}`);
    return url;
  }
}

/** Lowercased extension of the URL's last path segment, with the dot ('.pdf'), or ''. */
export function urlExtension(href: string): string {
  try {
    const path = decodeURIComponent(new URL(href).pathname);
    const m = /\.([a-z0-9]{1,5})$/i.exec(path);
    return m ? `.${m[1]!.toLowerCase()}` : '';
  } catch {
    return '';
  }
}

/** Last path segment, percent-decoded, for a fallback file name. */
export function urlBaseName(href: string): string {
  try {
    const seg = new URL(href).pathname.split('/').filter(Boolean).pop() ?? '';
    return decodeURIComponent(seg);
  } catch {
    return '';
  }
}
