import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl, parseRetryAfter, type FetchOptions } from '../../../src/crawl/fetcher.js';
import { HostPolicy } from '../../../src/crawl/url.js';
import { PermanentError, TransientError } from '../../../src/model/errors.js';

describe('fetchUrl', () => {
  let server: Server;
  let origin = '';
  const big = Buffer.alloc(64 * 1024, 1);
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      if (path === '/big') return res.end(big); // chunked: no content-length, cut while streaming
      if (path === '/declared') return res.writeHead(200, { 'content-length': '999999999' }).end();
      if (path === '/hop') return res.writeHead(301, { location: '/etag' }).end();
      if (path === '/loop') return res.writeHead(302, { location: '/loop' }).end();
      if (path === '/evil') return res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
      if (path === '/etag') {
        if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
        return res.writeHead(200, { etag: '"v1"', 'content-type': 'application/pdf' }).end('%PDF-1.4');
      }
      if (path === '/gone') return res.writeHead(404).end();
      if (path === '/busy') return res.writeHead(503, { 'retry-after': '7' }).end();
      res.writeHead(500).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const opts = (over: Partial<FetchOptions> = {}): FetchOptions => ({
    userAgent: 'budgetdoc-test',
    timeoutMs: 2000,
    maxBytes: 16 * 1024,
    maxRedirects: 3,
    // The fixture is on 127.0.0.1: allowed private addresses explicitly (issue 16).
    hosts: new HostPolicy([new URL(origin).host], { privateHosts: [new URL(origin).host] }),
    ...over,
  });

  it('follows allowed redirects by hand and reports the hops; answers a matching ETag with 304', async () => {
    const res = await fetchUrl(`${origin}/hop`, opts());
    expect(res).toMatchObject({
      status: 200,
      url: `${origin}/etag`,
      redirects: [`${origin}/hop`],
      etag: '"v1"',
      contentType: 'application/pdf',
    });
    const again = await fetchUrl(`${origin}/etag`, opts({ conditional: { etag: '"v1"' } }));
    expect(again).toMatchObject({ status: 304, notModified: true });
    expect(again.bytes.length).toBe(0);
  });

  it('refuses redirects to hosts outside the allowed list and redirect loops', async () => {
    await expect(fetchUrl(`${origin}/evil`, opts())).rejects.toMatchObject({ code: 'crawl.host_not_allowed' });
    await expect(fetchUrl(`${origin}/loop`, opts())).rejects.toMatchObject({ code: 'http.too_many_redirects' });
    await expect(fetchUrl('file:///etc/passwd', opts())).rejects.toMatchObject({ code: 'crawl.scheme_not_allowed' });
  });

  it('cuts bodies over the size limit, declared or streamed', async () => {
    await expect(fetchUrl(`${origin}/declared`, opts())).rejects.toMatchObject({ code: 'http.too_large' });
    const err = await fetchUrl(`${origin}/big`, opts()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect(err).toMatchObject({ code: 'http.too_large' });
  });

  it('classifies statuses: 404 permanent, 5xx transient, 503 with its Retry-After', async () => {
    await expect(fetchUrl(`${origin}/gone`, opts())).rejects.toBeInstanceOf(PermanentError);
    await expect(fetchUrl(`${origin}/other`, opts())).rejects.toBeInstanceOf(TransientError);
    await expect(fetchUrl(`${origin}/busy`, opts())).rejects.toMatchObject({ code: 'http.503', retryAfterMs: 7000 });
  });

  it('calls the gate before every hop (robots.txt and the rate limit see redirects too)', async () => {
    const seen: string[] = [];
    await fetchUrl(`${origin}/hop`, opts({ beforeRequest: async (u) => void seen.push(u.pathname) }));
    expect(seen).toEqual(['/hop', '/etag']);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10_000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
