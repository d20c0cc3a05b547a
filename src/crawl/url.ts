import { PermanentError } from '../model/errors.js';

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
  private readonly exact = new Set<string>();
  private readonly suffixes: string[] = [];

  constructor(hosts: Iterable<string>) {
    for (const raw of hosts) {
      const h = raw.trim().toLowerCase();
      if (h.startsWith('.')) this.suffixes.push(h);
      else if (h) this.exact.add(h);
    }
  }

  allows(href: string): boolean {
    let url: URL;
    try {
      url = new URL(href);
    } catch {
      return false;
    }
    if (!SCHEMES.has(url.protocol)) return false;
    const host = url.host.toLowerCase();
    const name = url.hostname.toLowerCase();
    if (this.exact.has(host) || this.exact.has(name)) return true;
    return this.suffixes.some((s) => name.endsWith(s) || name === s.slice(1));
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
