import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resolver } from '../../src/crawl/address-guard.js';
import { crawlSite } from '../../src/crawl/crawler.js';
import { fetchUrl, type FetchOptions } from '../../src/crawl/fetcher.js';
import { MemoryFetchStateStore } from '../../src/crawl/ports.js';
import { adHocConfig, parseSiteConfig } from '../../src/crawl/site-config.js';
import { HostPolicy } from '../../src/crawl/url.js';
import { RecordingSink } from './crawl/helpers.js';

/**
 * "Nothing let in" (issue 16) against a real server on 127.0.0.1: the crawler reaches it only when its host is
 * allowed explicitly, every redirect hop is checked again after DNS resolution, and bodies are capped on the wire
 * and after decompression.
 */
describe('fetchUrl refuses private targets unless allowed explicitly', () => {
  let server: Server;
  let port = 0;
  let origin = '';
  const seen: string[] = [];
  const zeros = zlib.gzipSync(Buffer.alloc(64 << 20));
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '';
      seen.push(path);
      if (path === '/doc.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 ok');
      if (path === '/to-localhost') return res.writeHead(302, { location: `http://localhost:${port}/doc.pdf` }).end();
      if (path === '/to-v6-loopback') return res.writeHead(302, { location: `http://[::1]:${port}/doc.pdf` }).end();
      if (path === '/to-metadata')
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
      if (path.startsWith('/chain/')) {
        const n = Number(path.split('/')[2]);
        return res.writeHead(302, { location: n > 0 ? `/chain/${n - 1}` : '/doc.pdf' }).end();
      }
      if (path === '/gzip-bomb') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zeros);
      if (path === '/gzip-ok') return res.writeHead(200, { 'content-encoding': 'gzip' }).end(zlib.gzipSync('公开01表'));
      if (path === '/br-ok')
        return res.writeHead(200, { 'content-encoding': 'br' }).end(zlib.brotliCompressSync('公开02表'));
      if (path === '/')
        return res
          .writeHead(200, { 'content-type': 'text/html' })
          .end(
            `<html><body><a href="/doc.pdf">决算</a><a href="http://localhost:${port}/secret.pdf">内网</a><a href="/to-metadata">元数据</a></body></html>`,
          );
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const opts = (hosts: HostPolicy, over: Partial<FetchOptions> = {}): FetchOptions => ({
    userAgent: 'budgetdoc-test',
    timeoutMs: 3000,
    maxBytes: 1 << 20,
    maxRedirects: 3,
    hosts,
    ...over,
  });
  const host = () => `127.0.0.1:${port}`;

  it('refuses an allowed host on a loopback address, and never connects to it', async () => {
    const before = seen.length;
    await expect(fetchUrl(`${origin}/doc.pdf`, opts(new HostPolicy([host()])))).rejects.toMatchObject({
      code: 'crawl.address_not_allowed',
    });
    expect(seen.length).toBe(before);
    const res = await fetchUrl(`${origin}/doc.pdf`, opts(new HostPolicy([host()], { privateHosts: [host()] })));
    expect(Buffer.from(res.bytes).toString()).toBe('%PDF-1.4 ok');
  });

  it('checks a name after DNS resolution (localhost resolves to loopback)', async () => {
    const hosts = new HostPolicy([`localhost:${port}`]);
    const err = (await fetchUrl(`http://localhost:${port}/doc.pdf`, opts(hosts)).catch((e: Error) => e)) as Error;
    expect(err).toMatchObject({ code: 'crawl.address_not_allowed' });
    expect(err.message).toMatch(/localhost:\d+ resolves to (127\.0\.0\.1|::1), which is a loopback address/);
  });

  it('checks every redirect hop: an allowed private host cannot bounce the crawler to another one', async () => {
    const hosts = new HostPolicy([host(), `localhost:${port}`, `[::1]:${port}`, '169.254.169.254'], {
      privateHosts: [host()],
    });
    for (const path of ['/to-localhost', '/to-v6-loopback', '/to-metadata']) {
      await expect(fetchUrl(`${origin}${path}`, opts(hosts)), path).rejects.toMatchObject({
        code: 'crawl.address_not_allowed',
      });
    }
    expect(seen.filter((p) => p === '/doc.pdf' || p.startsWith('/latest')).length).toBe(1); // the one allowed fetch above
  });

  it('connects to the checked address itself: a name no DNS knows reaches the server through the pinned lookup', async () => {
    const resolver: Resolver = async () => [{ address: '127.0.0.1', family: 4 }];
    const name = `czj.example.gov.cn:${port}`;
    await expect(fetchUrl(`http://${name}/doc.pdf`, opts(new HostPolicy([name], { resolver })))).rejects.toMatchObject({
      code: 'crawl.address_not_allowed',
    });
    const res = await fetchUrl(
      `http://${name}/doc.pdf`,
      opts(new HostPolicy([name], { resolver, privateHosts: [name] })),
    );
    expect(res.status).toBe(200);
  });

  it('caps redirects, bodies and decompression', async () => {
    const hosts = new HostPolicy([host()], { privateHosts: [host()] });
    await expect(fetchUrl(`${origin}/chain/5`, opts(hosts))).rejects.toMatchObject({ code: 'http.too_many_redirects' });
    await expect(fetchUrl(`${origin}/chain/2`, opts(hosts))).resolves.toMatchObject({ status: 200 });
    const bomb = await fetchUrl(`${origin}/gzip-bomb`, opts(hosts)).catch((e: Error) => e);
    expect(zeros.length).toBeLessThan(1 << 20); // small on the wire: only the inflated size is over the limit
    expect(bomb).toMatchObject({ code: 'http.inflated_too_large' });
    const gz = await fetchUrl(`${origin}/gzip-ok`, opts(hosts));
    expect(Buffer.from(gz.bytes).toString()).toBe('公开01表');
    const br = await fetchUrl(`${origin}/br-ok`, opts(hosts));
    expect(Buffer.from(br.bytes).toString()).toBe('公开02表');
  });
});

describe('crawlSite on a loopback fixture', () => {
  let server: Server;
  let origin = '';
  let port = 0;
  const seen: string[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.url ?? '');
      if (req.url === '/robots.txt') return res.writeHead(404).end();
      if (req.url === '/doc.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 ok');
      if (req.url === '/to-metadata')
        return res.writeHead(302, { location: 'http://169.254.169.254/latest/doc.pdf' }).end();
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          `<html><body><a href="/doc.pdf">决算.pdf</a><a href="http://localhost:${port}/secret.pdf">内网.pdf</a><a href="/to-metadata">x.pdf</a></body></html>`,
        );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  const politeness = { requests: 50, perSeconds: 1, timeoutMs: 2000, attempts: 1, backoffMs: 10 };

  it('refuses the start URL itself when its loopback host is not allowed explicitly', async () => {
    const before = seen.length;
    const report = await crawlSite(adHocConfig({ startUrl: `${origin}/`, politeness }), {
      state: new MemoryFetchStateStore(),
      sink: new RecordingSink(),
    });
    expect(report.items).toEqual([
      expect.objectContaining({ url: `${origin}/`, outcome: 'failed', reason: 'crawl.address_not_allowed' }),
    ]);
    expect(seen.length).toBe(before);
  });

  it('with --allow-host, fetches that host only: links and redirects to other private targets are refused', async () => {
    const sink = new RecordingSink();
    const cfg = parseSiteConfig({
      ...adHocConfig({ startUrl: `${origin}/`, allowHosts: [`127.0.0.1:${port}`], politeness }),
      allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`, '169.254.169.254'],
    });
    const report = await crawlSite(cfg, { state: new MemoryFetchStateStore(), sink });
    expect(sink.docs.map((d) => new URL(d.url).pathname)).toEqual(['/doc.pdf']);
    const refused = report.items
      .filter((i) => i.reason === 'crawl.address_not_allowed')
      .map((i) => new URL(i.url).pathname);
    expect(refused.sort()).toEqual(['/secret.pdf', '/to-metadata']);
    expect(seen).not.toContain('/secret.pdf');
  });
});
