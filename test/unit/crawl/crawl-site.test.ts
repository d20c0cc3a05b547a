import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../src/crawl/crawler.js';
import { MemoryFetchStateStore } from '../../../src/crawl/ports.js';
import type { CrawlReport } from '../../../src/crawl/report.js';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server.js';
import { fixtureConfig, RecordingSink } from './helpers.js';

describe('crawlSite against the fixture finance bureau', () => {
  let site: FixtureSite;
  const state = new MemoryFetchStateStore();
  const sink = new RecordingSink();
  let first: CrawlReport;

  beforeAll(async () => {
    site = await startFixtureSite();
    console.log('fixture attachments:', site.origins);
    first = await crawlSite(fixtureConfig(site.origin), { state, sink });
  });
  afterAll(() => site?.close());

  const outcome = (r: CrawlReport, path: string) => r.items.find((i) => i.url === `${site.origin}${path}`);

  it('fetches the listing, its second page and the articles', () => {
    const pages = first.items
      .filter((i) => i.kind === 'page' && i.outcome === 'fetched')
      .map((i) => new URL(i.url).pathname);
    expect(pages).toEqual(
      expect.arrayContaining([
        '/',
        '/yjsgk/index.html',
        '/yjsgk/index_1.html',
        '/yjsgk/202307/t20230718_101.html',
        '/yjsgk/202306/t20230601_102.html',
        '/yjsgk/202305/t20230501_103.html',
      ]),
    );
    expect(first.pagesFetched).toBe(pages.length);
  });

  it('obeys robots.txt: /private/ is skipped and never requested', () => {
    expect(site.requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(outcome(first, '/private/internal.html')).toMatchObject({ outcome: 'skipped', reason: 'robots.disallowed' });
    expect(outcome(first, '/private/budget.pdf')).toMatchObject({
      kind: 'document',
      outcome: 'skipped',
      reason: 'robots.disallowed',
    });
    expect(first.pagesSkippedByRobots).toBe(1);
    expect(first.documents.skippedByRobots).toBe(1);
  });

  it('never leaves the allowed host or the http(s) schemes, also after redirects', () => {
    expect(outcome(first, '/go/away')).toMatchObject({ outcome: 'failed', reason: 'crawl.host_not_allowed' });
    expect(outcome(first, '/go/file')).toMatchObject({ outcome: 'failed', reason: 'crawl.scheme_not_allowed' });
    expect(first.items.some((i) => !i.url.startsWith(site.origin))).toBe(false);
  });

  it('stores every attachment with where it was found', () => {
    const byUrl = new Map(sink.docs.map((d) => [d.url.replace(site.origin, ''), d]));
    expect([...byUrl.keys()].sort()).toEqual(
      [
        '/attach/1001.pdf',
        '/attach/1002.docx',
        '/attach/1003.xls',
        `/attach/download.jsp?id=1004#${encodeURIComponent('附件1：2019年项目支出绩效自评表.xlsx')}`,
        `/attach/download.jsp?id=1004#${encodeURIComponent('附件2：2019年部门决算.docx')}`,
        '/busy/6001.xls',
        '/flaky/5001.pdf',
        '/yjsgk/202307/t20230718_101.html',
      ].sort(),
    );
    const pdf = byUrl.get('/attach/1001.pdf')!;
    expect(pdf.fileName).toBe('洪江市财政局2024年部门决算.pdf');
    expect(pdf.discoveredFrom).toEqual({
      listingUrl: `${site.origin}/yjsgk/index.html`,
      articleUrl: `${site.origin}/yjsgk/202306/t20230601_102.html`,
      articleTitle: '洪江市财政局2024年部门决算公开',
      linkText: '洪江市财政局2024年部门决算.pdf',
      publishedAt: '2023-06-01 09:30',
    });
    // onclick link: the name comes from the link text, the extension from the URL
    expect(byUrl.get('/attach/1002.docx')!.fileName).toBe('洪江市财政局2024年部门预算说明.docx');
    // the article found through window.open on the second listing page
    expect(byUrl.get('/busy/6001.xls')!.discoveredFrom.listingUrl).toBe(`${site.origin}/yjsgk/index_1.html`);
    // the article whose body is a table, with the listing's date and link text
    const article = byUrl.get('/yjsgk/202307/t20230718_101.html')!;
    expect(article.discoveredFrom).toMatchObject({
      listingUrl: `${site.origin}/yjsgk/index.html`,
      linkText: '2023年洪江市人民政府办公室部门整体支出绩效目标表',
    });
    expect(article.discoveredFrom.publishedAt).toMatch(/^2023-07-18/);
  });

  it('unpacks the ZIP (found by Content-Type) into members named in GBK', () => {
    const members = sink.docs.filter((d) => d.parentSha256);
    expect(members.map((m) => m.fileName).sort()).toEqual([
      '附件1：2019年项目支出绩效自评表.xlsx',
      '附件2：2019年部门决算.docx',
    ]);
    const zipItem = first.items.find((i) => i.kind === 'document' && i.url.endsWith('id=1004'))!;
    expect(zipItem).toMatchObject({ outcome: 'new', fileName: '2024年部门预算公开表.zip' });
    expect(members.every((m) => m.parentSha256 === zipItem.sha256)).toBe(true);
  });

  it('retries 500s and a 429 with Retry-After, gives up on the URL that hangs', () => {
    expect(outcome(first, '/flaky/5001.pdf')).toMatchObject({ outcome: 'new', retries: 2 });
    const busy = site.requests.filter((r) => r.path === '/busy/6001.xls');
    expect(busy.length).toBe(2);
    expect(busy[1]!.at - busy[0]!.at).toBeGreaterThanOrEqual(950);
    expect(outcome(first, '/hang/7001.pdf')).toMatchObject({ outcome: 'failed', reason: 'http.timeout', retries: 2 });
    // a permanent error is not retried
    expect(outcome(first, '/attach/8001.pdf')).toMatchObject({ outcome: 'failed', reason: 'http.404' });
    expect(outcome(first, '/attach/8001.pdf')?.retries).toBeUndefined();
    expect(site.requests.filter((r) => r.path === '/attach/8001.pdf')).toHaveLength(1);
  });

  it('counts documents and sends a User-Agent with a contact on every request', () => {
    expect(first.documents).toMatchObject({ new: 7, changed: 0, unchanged: 0, failed: 2 });
    expect(site.requests.every((r) => /^budgetdoc\/0\.1 \(\+.*@/.test(r.userAgent))).toBe(true);
  });

  it('a second crawl finds nothing new: 304s for attachments, same hash for the article', async () => {
    const before = sink.docs.length;
    const mark = site.requests.length;
    const second = await crawlSite(fixtureConfig(site.origin), { state, sink });
    expect(second.documents).toMatchObject({ new: 0, changed: 0, unchanged: 7, failed: 2 });
    expect(sink.docs.length).toBe(before);
    const attachmentHits = site.requests.slice(mark).filter((r) => r.path.startsWith('/attach/') && r.status !== 404);
    expect(attachmentHits.length).toBe(4);
    expect(attachmentHits.map((r) => [r.path, r.conditional, r.status])).toEqual(
      attachmentHits.map((r) => [r.path, true, 304]),
    );
  });

  it('a republished attachment becomes a new version linked to the old one', async () => {
    const old = state.states.get(`${site.origin}/attach/1003.xls`)!;
    site.replace('/attach/1003.xls', new TextEncoder().encode('<html><body><table></table></body></html>'));
    const third = await crawlSite(fixtureConfig(site.origin), { state, sink });
    expect(third.documents).toMatchObject({ new: 0, changed: 1 });
    const latest = state.states.get(`${site.origin}/attach/1003.xls`)!;
    expect(latest).toMatchObject({ version: old.version + 1, previousSha256: old.sha256 });
    expect(sink.docs.at(-1)).toMatchObject({ url: `${site.origin}/attach/1003.xls`, previousSha256: old.sha256 });
  });
});
