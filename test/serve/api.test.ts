import { existsSync, mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/serve/server.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { budgetdoc } from '../helpers/cli.js';
import { SAMPLES } from './helpers.js';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request sent as written: node:http does not resolve `..` or decode `%2e` the way fetch and browsers do. */
function raw(base: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Raw> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('latin1');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('budgetdoc serve API', () => {
  let dir: string;
  let stores: Stores;
  let server: RunningServer;
  let pdfId: string;
  let xlsxId: string;
  const json = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'budgetdoc-serve-api-'));
    const ingest = await budgetdoc(['ingest', '--data-dir', dir, SAMPLES.jiangsu, SAMPLES.xlsx]);
    expect(ingest.code, ingest.stderr).toBe(0);
    stores = await openStores({ dataDir: dir });
    const { rows } = await stores.records.client.query<{ id: string; format: string }>(
      `select id, format from documents`,
    );
    expect(rows).toHaveLength(2);
    pdfId = rows.find((r) => r.format === 'pdf')!.id;
    xlsxId = rows.find((r) => r.format === 'xlsx')!.id;
    server = await startServer({ stores, cacheDir: join(dir, 'page-cache'), host: '127.0.0.1', port: 0 });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await stores?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('searches with the filters of budgetdoc search', async () => {
    const hit = await json(`/api/documents?department=${encodeURIComponent('文物保护厅')}&year=2023..2025`);
    expect(hit.status).toBe(200);
    expect(hit.body.total).toBe(1);
    expect((hit.body.documents as Array<{ id: string }>)[0]!.id).toBe(pdfId);
    expect((await json(`/api/documents?kind=${encodeURIComponent('绩效自评')}`)).body.total).toBe(1);
    expect((await json('/api/documents?year=2017,2019&type=perf.')).body.total).toBe(1);
    expect((await json('/api/documents?region=310107')).body.total).toBe(0);
    for (const bad of ['year=abc', 'limit=0', 'limit=x', 'status=done', 'kind=report', 'cursor=zz', 'color=red'])
      expect((await json(`/api/documents?${bad}`)).status, bad).toBe(400);
  });

  it('answers a document, its records and its grids, by id or unique prefix', async () => {
    const doc = await json(`/api/documents/${pdfId.slice(0, 8)}`);
    expect(doc.status).toBe(200);
    expect((doc.body.document as { id: string }).id).toBe(pdfId);
    expect(doc.body.pageImages).toEqual({ dpi: 144, available: true });
    expect((doc.body.pages as unknown[]).length).toBe(8);
    const records = await json(`/api/documents/${pdfId}/records`);
    expect((records.body.records as unknown[]).length).toBeGreaterThan(5);
    const grids = await json(`/api/documents/${pdfId}/grids`);
    expect((grids.body.tables as unknown[]).length).toBe((records.body.records as unknown[]).length);
    expect((await json(`/api/documents/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await json('/api/documents/abc')).status).toBe(400);
  });

  it('draws a PDF page once, then serves it from the cache named by sha256 and page', async () => {
    const first = await fetch(new URL(`/api/documents/${pdfId}/pages/2.png`, server.url));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/png');
    const bytes = new Uint8Array(await first.arrayBuffer());
    expect(Buffer.from(bytes.subarray(1, 4)).toString()).toBe('PNG');
    const cached = join(dir, 'page-cache', pdfId.slice(0, 2), pdfId, '2@144.png');
    expect(existsSync(cached)).toBe(true);
    // With the stored file gone and a new server (no PDF held open), only the cache can answer.
    unlinkSync(join(dir, 'blobs', pdfId.slice(0, 2), pdfId));
    await server.close();
    server = await startServer({ stores, cacheDir: join(dir, 'page-cache'), host: '127.0.0.1', port: 0 });
    const again = await fetch(new URL(`/api/documents/${pdfId}/pages/2.png`, server.url));
    expect(new Uint8Array(await again.arrayBuffer())).toEqual(bytes);
    const missing = await json(`/api/documents/${pdfId}/pages/3.png`);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/missing from the blob store/);
  });

  it('refuses pages that are not pages of a stored PDF', async () => {
    const xlsx = await json(`/api/documents/${xlsxId}/pages/1.png`);
    expect(xlsx.status).toBe(415);
    expect(xlsx.body.error).toMatch(/PDF documents only; this document is xlsx/);
    expect((await json(`/api/documents/${pdfId}/pages/9.png`)).status).toBe(404);
    for (const p of ['0.png', '1.5.png', '-1.png', '01.png', '1.jpg', '1', '999999.png'])
      expect((await json(`/api/documents/${pdfId}/pages/${p}`)).status, p).toBe(400);
  });

  it('reaches nothing outside the store, however the path is written', async () => {
    const paths = [
      '/../../../../etc/passwd',
      '/static/../../package.json',
      '/static/%2e%2e/%2e%2e/package.json',
      '/static/..%2f..%2fpackage.json',
      '/api/documents/..%2f..%2f..%2fetc%2fpasswd',
      `/api/documents/${pdfId}/pages/..%2f..%2f..%2fpackage.json`,
      `/api/documents/${pdfId}/pages/%2e%2e%2fpage-cache.png`,
      '/documents/../package.json',
      '//etc/passwd',
      '/static/app.css%00.html',
      '/src/serve/server.ts',
      '/static/',
      '/blobs',
    ];
    for (const p of paths) {
      const res = await raw(server.url, p);
      expect([400, 404], p).toContain(res.status);
      expect(res.body, p).not.toMatch(/root:|"name": "budgetdoc"|import |PGlite/);
    }
  });

  it('is read-only: only GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await raw(server.url, '/api/documents', method);
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    }
    const head = await raw(server.url, '/api/documents', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('refuses other Host names and sends a policy that forbids inline script', async () => {
    expect((await raw(server.url, '/', 'GET', { host: 'evil.example' })).status).toBe(421);
    const page = await raw(server.url, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    const doc = await raw(server.url, `/documents/${pdfId}`);
    expect(doc.body).toContain('/static/document.js');
    expect((await raw(server.url, `/documents/${pdfId.slice(0, 10)}`)).status).toBe(404);
  });
});
