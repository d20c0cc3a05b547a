import { PermanentError, TransientError } from '../model/errors.js';
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
 * hosts and schemes (issue 6, Safety); the timeout covers headers and body; the body is
 * counted while streaming so a huge or endless response is cut at `maxBytes`.
 * Errors: PermanentError for what a retry cannot fix (404, refused host, too large),
 * TransientError for what it may (timeouts, 5xx, 429/503 with the server's Retry-After).
 */
export async function fetchUrl(href: string, opts: FetchOptions): Promise<FetchResult> {
  const redirects: string[] = [];
  let url = opts.hosts.check(href);
  for (let hop = 0; ; hop++) {
    await opts.beforeRequest?.(url);
    const signal = opts.signal
      ? AbortSignal.any([opts.signal, AbortSignal.timeout(opts.timeoutMs)])
      : AbortSignal.timeout(opts.timeoutMs);
    const headers: Record<string, string> = { 'user-agent': opts.userAgent, accept: '*/*' };
    if (opts.conditional?.etag) headers['if-none-match'] = opts.conditional.etag;
    if (opts.conditional?.lastModified) headers['if-modified-since'] = opts.conditional.lastModified;
    let res: Response;
    try {
      res = await fetch(url, { headers, redirect: 'manual', signal });
    } catch (err) {
      throw networkError(err, url.href, opts.timeoutMs);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel();
      const location = res.headers.get('location');
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
      ...header(res, 'content-type', 'contentType'),
      ...header(res, 'content-disposition', 'contentDisposition'),
      ...header(res, 'etag', 'etag'),
      ...header(res, 'last-modified', 'lastModified'),
    };
    if (res.status === 304) {
      await res.body?.cancel();
      return { ...base, notModified: true, bytes: new Uint8Array(0) };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw statusError(res, url.href);
    }
    const bytes = await readLimited(res, opts.maxBytes, url.href, opts.timeoutMs);
    return { ...base, notModified: false, bytes };
  }
}

function header<K extends string>(res: Response, name: string, key: K): Partial<Record<K, string>> {
  const v = res.headers.get(name);
  return v ? ({ [key]: v } as Record<K, string>) : {};
}

async function readLimited(res: Response, maxBytes: number, href: string, timeoutMs: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new PermanentError('http.too_large', `${href} declares ${declared} bytes, limit ${maxBytes}`);
  }
  if (!res.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new PermanentError('http.too_large', `${href} is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof PermanentError) throw err;
    throw networkError(err, href, timeoutMs);
  }
  return Buffer.concat(chunks);
}

function networkError(err: unknown, href: string, timeoutMs: number): Error {
  const e = err as { name?: string; message?: string; cause?: { code?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new TransientError('http.timeout', `no complete answer within ${timeoutMs} ms: ${href}`);
  }
  return new TransientError('http.network', `${e.cause?.code ?? e.message ?? 'network error'}: ${href}`);
}

function statusError(res: Response, href: string): Error {
  const code = `http.${res.status}`;
  if (res.status === 429 || res.status === 503) {
    const wait = parseRetryAfter(res.headers.get('retry-after'));
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
