import { PermanentError, TransientError } from '../model/errors.js';
import { header, httpGet, type RawResponse, readBody } from './http-get.js';
import type { HostPolicy } from './url.js';

export interface Conditional {
  etag?: string;
  lastModified?: string;
}

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  hosts: HostPolicy;
  conditional?: Conditional;
  /** Called before every request, redirects included: robots.txt and the per-host rate limit. */
  beforeRequest?: (url: URL) => Promise<void>;
  signal?: AbortSignal;
}

export interface FetchResult {
  requestedUrl: string;
  /** After redirects. */
  url: string;
  status: number;
  notModified: boolean;
  bytes: Uint8Array;
  contentType?: string;
  contentDisposition?: string;
  etag?: string;
  lastModified?: string;
  redirects: string[];
  fetchedAt: string;
}

/**
 * One polite GET. Redirects are followed by hand so every hop is checked against the allowed
 * hosts and schemes (issue 6, Safety) and, after DNS resolution, against the addresses a crawl may
 * reach (issue 16: no loopback, private, link-local or unspecified address unless the host is
 * allowed explicitly); the timeout covers headers and body; the body is counted while streaming,
 * before and after decompression, so a huge, endless or inflating response is cut at `maxBytes`.
 * Errors: PermanentError for what a retry cannot fix (404, refused host or address, too large),
 * TransientError for what it may (timeouts, 5xx, 429/503 with the server's Retry-After).
 */
export async function fetchUrl(href: string, opts: FetchOptions): Promise<FetchResult> {
  const redirects: string[] = [];
  let url = opts.hosts.check(href);
  for (let hop = 0; ; hop++) {
    await opts.beforeRequest?.(url);
    const addresses = await opts.hosts.addresses.resolve(url);
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)])
      : AbortSignal.timeout(opts.timeoutMs);
    const headers: Record<string, string> = {
      'user-agent': opts.userAgent,
      accept: '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.conditional?.etag) headers['if-none-match'] = opts.conditional.etag;
    if (opts.conditional?.lastModified) headers['if-modified-since'] = opts.conditional.lastModified;
    let res: RawResponse;
    try {
      res = await httpGet(url, addresses, headers, signal);
    } catch (err) {
      throw networkError(err, url.href, opts.timeoutMs, signal);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      res.body.destroy();
      const location = header(res, 'location');
      if (!location)
        throw new PermanentError('http.redirect_without_location', `${res.status} without Location: ${url.href}`);
      if (hop >= opts.maxRedirects)
        throw new PermanentError('http.too_many_redirects', `more than ${opts.maxRedirects} redirects: ${href}`);
      redirects.push(url.href);
      url = opts.hosts.check(new URL(location, url).href);
      continue;
    }
    const base = {
      requestedUrl: href,
      url: url.href,
      status: res.status,
      redirects,
      fetchedAt: new Date().toISOString(),
      ...field(res, 'content-type', 'contentType'),
      ...field(res, 'content-disposition', 'contentDisposition'),
      ...field(res, 'etag', 'etag'),
      ...field(res, 'last-modified', 'lastModified'),
    };
    if (res.status === 304) {
      res.body.destroy();
      return { ...base, notModified: true, bytes: new Uint8Array(0) };
    }
    if (res.status < 200 || res.status >= 300) {
      res.body.destroy();
      throw statusError(res, url.href);
    }
    const declared = Number(header(res, 'content-length') ?? Number.NaN);
    if (declared > opts.maxBytes) {
      res.body.destroy();
      throw new PermanentError('http.too_large', `${url.href} declares ${declared} bytes, limit ${opts.maxBytes}`);
    }
    try {
      const bytes = await readBody(res, opts.maxBytes, url.href, signal);
      return { ...base, notModified: false, bytes };
    } catch (err) {
      if (err instanceof PermanentError) throw err;
      throw networkError(err, url.href, opts.timeoutMs, signal);
    }
  }
}

function field<K extends string>(res: RawResponse, name: string, key: K): Partial<Record<K, string>> {
  const v = header(res, name);
  return v ? ({ [key]: v } as Record<K, string>) : {};
}

function networkError(err: unknown, href: string, timeoutMs: number, signal?: AbortSignal): Error {
  const e = err as { name?: string; message?: string; code?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError' || signal?.aborted) {
    return new TransientError('http.timeout', `no complete answer within ${timeoutMs} ms: ${href}`);
  }
  return new TransientError('http.network', `${e.code ?? e.cause?.code ?? e.message ?? 'network error'}: ${href}`);
}

function statusError(res: RawResponse, href: string): Error {
  const code = `http.${res.status}`;
  if (res.status === 429 || res.status === 503) {
    const wait = parseRetryAfter(header(res, 'retry-after') ?? null);
    return new TransientError(
      code,
      `${res.status} ${res.statusText}${wait !== undefined ? `, retry after ${wait} ms` : ''}: ${href}`,
      wait,
    );
  }
  if (res.status >= 500 || res.status === 408)
    return new TransientError(code, `${res.status} ${res.statusText}: ${href}`);
  return new PermanentError(code, `${res.status} ${res.statusText}: ${href}`);
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
