import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrawlReport, ReportItem } from '../../src/crawl/report.js';
import type { StoredDocument, StoreSummary } from '../../src/store/ports.js';
import { SqlFetchStateStore } from '../../src/crawl/sql-fetch-state.js';
import { openStores } from '../../src/store/open.js';
import type { SqlRecordStore } from '../../src/store/sql-record-store.js';
import { budgetdoc as run, budgetdocStdout as budgetdoc, type CliResult } from '../helpers/cli.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';

async function storeSummary(dataDir: string): Promise<StoreSummary> {
  const stores = await openStores({ dataDir });
  try {
    return await stores.records.summary();
  } finally {
    await stores.close();
  }
}

type Shown = { document: StoredDocument; records: Array<Record<string, unknown>> };

/**
 * Issue 6's done-when through `node bin/budgetdoc.js`: the fixture finance bureau crawled
 * twice into one embedded store, one request per second per host.
 */
describe('budgetdoc crawl (the binary, embedded store)', () => {
  let site: FixtureSite;
  let dataDir: string;
  let first: CrawlReport;
  let second: CrawlReport;
  let afterFirst: StoreSummary;
  let afterSecond: StoreSummary;
  let firstRequests: number;
  let firstRun: CliResult;
  // one `show` per document: each starts the binary and opens the store (a few seconds)
  const shown = new Map<string, Promise<Shown>>();
  const show = (sha: string) => {
    if (!shown.has(sha))
      shown.set(
        sha,
        budgetdoc(['show', sha, '--data-dir', dataDir]).then((out) => JSON.parse(out) as Shown),
      );
    return shown.get(sha)!;
  };
  const url = (path: string) => `${site.origin}${path}`;
  const item = (r: CrawlReport, path: string) => r.items.find((i) => i.url === url(path) && i.kind === 'document');

  beforeAll(async () => {
    site = await startFixtureSite();
    dataDir = mkdtempSync(join(tmpdir(), 'budgetdoc-crawl-bin-'));
    const args = [
      'crawl',
      '--start-url',
      `${site.origin}/`,
      // the fixture is on loopback, which a crawl reaches only when the host is allowed explicitly (issue 16)
      '--allow-host',
      new URL(site.origin).host,
      '--data-dir',
      dataDir,
      '--json',
      '--no-ocr',
      '--rate',
      '1/1',
      '--timeout',
      '400ms',
    ];
    // Two documents fail (a 404 and a timeout): the crawl exits 1 (issue 14: it exited 0), its report complete.
    firstRun = await run(args);
    first = JSON.parse(firstRun.stdout) as CrawlReport;
    firstRequests = site.requests.length;
    afterFirst = await storeSummary(dataDir);
    second = JSON.parse((await run(args)).stdout) as CrawlReport;
    afterSecond = await storeSummary(dataDir);
  }, 240_000);
  afterAll(async () => {
    await site?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores every attachment with where it was found, visible through `budgetdoc show`', async () => {
    expect(first.documents).toMatchObject({ new: 7, changed: 0, unchanged: 0, failed: 2, skippedByRobots: 1 });
    const stored = first.items.filter(
      (i): i is ReportItem & { sha256: string } =>
        (i.kind === 'document' || i.kind === 'member') && i.outcome === 'new' && Boolean(i.sha256),
    );
    expect(stored).toHaveLength(9); // 7 documents (one a ZIP) and its 2 members
    const listing = url('/yjsgk/index.html');
    for (const i of stored) {
      const { document, records } = await show(i.sha256);
      expect(document.urls).toContain(i.member ? `${i.url}#${encodeURIComponent(i.member)}` : i.url);
      expect(document.source.discoveredFrom).toMatchObject({
        listingUrl: expect.stringMatching(/\/yjsgk\/index(_1)?\.html$/),
        linkText: expect.any(String),
        publishedAt: expect.stringMatching(/^2023-0\d-\d\d/),
      });
      // records counted once per sha256 (the same bytes at a second URL add none); a ZIP's are its members'
      if (i.records && document.format !== 'zip') expect(records).toHaveLength(i.records);
      // every record says where its document was published and found; an attachment's 发布时间 is its article's
      const d = document.source.discoveredFrom!;
      const publishedAt = document.format === 'html' ? expect.stringMatching(/^2023-07-18/) : d.publishedAt;
      for (const r of records) {
        expect(r.source).toEqual({
          id: i.sha256,
          url: document.source.url,
          fileName: document.source.fileName,
          publishedAt,
          publisher: expect.toBeOneOf([null, expect.any(String)]),
          discoveredFrom: d,
          ...(i.member ? { parentId: document.source.parentId } : {}),
        });
      }
    }
    expect(shown.size).toBe(7);
    const pdf = await show(item(first, '/attach/1001.pdf')!.sha256!);
    expect(pdf.document.source).toMatchObject({
      url: url('/attach/1001.pdf'),
      fileName: '洪江市财政局2024年部门决算.pdf',
      discoveredFrom: {
        listingUrl: listing,
        articleUrl: url('/yjsgk/202306/t20230601_102.html'),
        articleTitle: '洪江市财政局2024年部门决算公开',
        linkText: '洪江市财政局2024年部门决算.pdf',
        publishedAt: '2023-06-01 09:30',
      },
    });
    expect(pdf.records.length).toBeGreaterThan(0);
    const docx = await show(item(first, '/attach/1002.docx')!.sha256!);
    expect(docx.document.source.discoveredFrom).toMatchObject({
      articleTitle: '洪江市财政局2024年部门决算公开',
      linkText: '洪江市财政局2024年部门预算说明',
      publishedAt: '2023-06-01 09:30',
    });
  });

  it('keeps the ZIP as a container and its members with the ZIP as parent', async () => {
    const zip = item(first, '/attach/download.jsp?id=1004')!;
    const container = await show(zip.sha256!);
    expect(container.document).toMatchObject({
      status: 'ok',
      format: 'zip',
      source: {
        fileName: '2024年部门预算公开表.zip',
        discoveredFrom: {
          articleTitle: '洪江市财政局2024年部门预算公开',
          linkText: '附件下载',
          publishedAt: '2023-05-01 10:00',
        },
      },
    });
    expect(container.document.issues.map((i) => i.code)).toEqual(['zip.container']);
    expect(container.records).toEqual([]);
    const members = first.items.filter((i) => i.kind === 'member');
    expect(members).toHaveLength(2);
    for (const m of members) {
      const { document } = await show(m.sha256!);
      expect(document.source).toMatchObject({
        parentId: zip.sha256,
        fileName: m.fileName,
        discoveredFrom: container.document.source.discoveredFrom,
      });
    }
  });

  it('obeys robots.txt: the forbidden paths are reported as skipped and never requested', () => {
    expect(first.items.filter((i) => i.outcome === 'skipped').map((i) => [new URL(i.url).pathname, i.reason])).toEqual([
      ['/private/internal.html', 'robots.disallowed'],
      ['/private/budget.pdf', 'robots.disallowed'],
    ]);
    expect(site.requests.filter((r) => r.path.startsWith('/private/'))).toEqual([]);
    expect(site.requests.filter((r) => r.path === '/robots.txt').length).toBeGreaterThanOrEqual(2);
  });

  it('obeys the rate limit: one request per second to the host, in each run', () => {
    // The limiter grants request i at g_i with g_j - g_i >= (j - i) s. The embedded crawl extracts
    // on the same thread, so a granted request can reach the server several hundred ms late on a loaded machine;
    // arrivals therefore satisfy a_j - a_i >= (j - i) s - SLACK for every pair, which a burst or
    // a faster budget breaks within a few requests.
    const SLACK = 750;
    for (const requests of [site.requests.slice(0, firstRequests), site.requests.slice(firstRequests)]) {
      const at = requests.map((r) => r.at).sort((a, b) => a - b);
      expect(at.length).toBeGreaterThan(15);
      for (let i = 0; i < at.length; i++) {
        for (let j = i + 1; j < at.length; j++)
          expect(at[j]! - at[i]!, `requests ${i} and ${j}`).toBeGreaterThanOrEqual((j - i) * 1000 - SLACK);
      }
    }
  });

  it('exits 1 when documents failed, and names the ad-hoc site from its start URL', () => {
    expect(firstRun.code, firstRun.stderr).toBe(1);
    expect(first.site).toBe(`127.0.0.1-${new URL(site.origin).port}`);
    expect(firstRun.stderr).toContain(`store: ${dataDir} (embedded)`);
  });

  it('reports every URL with its outcome, failures with their reason', () => {
    const failed = first.items.filter((i) => i.kind === 'document' && i.outcome === 'failed');
    expect(failed.map((i) => [new URL(i.url).pathname, i.reason]).sort()).toEqual([
      ['/attach/8001.pdf', 'http.404'],
      ['/hang/7001.pdf', 'http.timeout'],
    ]);
    expect(item(first, '/flaky/5001.pdf')).toMatchObject({ outcome: 'new', retries: 2 });
    expect(first.pagesFetched).toBe(6);
    expect(first.durationMs).toBeGreaterThan(0);
  });

  it('a second run reports 0 new documents and stores no duplicate records', async () => {
    expect(second.documents).toMatchObject({ new: 0, changed: 0, unchanged: 7, failed: 2, skippedByRobots: 1 });
    expect(second.recordsByTableType).toEqual({});
    expect(afterFirst.tablesByType).toEqual(first.recordsByTableType);
    expect([afterSecond.documents, afterSecond.records]).toEqual([afterFirst.documents, afterFirst.records]);
    // attachments are asked for conditionally and answered 304
    const attachments = site.requests
      .slice(firstRequests)
      .filter((r) => r.path.startsWith('/attach/') && r.status !== 404);
    expect(attachments.map((r) => [r.path, r.conditional, r.status])).toEqual(
      attachments.map((r) => [r.path, true, 304]),
    );
    expect(attachments).toHaveLength(4);
    // the fetch state kept between runs: validators and the first version, unchanged
    const stores = await openStores({ dataDir });
    try {
      const state = await SqlFetchStateStore.open((stores.records as SqlRecordStore).client);
      expect(await state.getFetchState(url('/attach/1002.docx'))).toMatchObject({
        version: 1,
        etag: expect.stringMatching(/^"/),
        sha256: item(first, '/attach/1002.docx')!.sha256,
      });
    } finally {
      await stores.close();
    }
  });
});
