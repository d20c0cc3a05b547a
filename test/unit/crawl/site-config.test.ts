import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crawlSite } from '../../../src/crawl/crawler.js';
import { MemoryFetchStateStore } from '../../../src/crawl/ports.js';
import type { CrawlReport } from '../../../src/crawl/report.js';
import { parseSiteConfig } from '../../../src/crawl/site-config.js';
import { startFixtureSite, type FixtureSite } from '../../fixtures/site/server.js';
import { RecordingSink } from './helpers.js';

describe('a site config with listing, article and attachment patterns', () => {
  let site: FixtureSite;
  let report: CrawlReport;
  const sink = new RecordingSink();
  beforeAll(async () => {
    site = await startFixtureSite();
    const raw = readFileSync(join(import.meta.dirname, '../../fixtures/site/site.json'), 'utf8').replace(
      'http://127.0.0.1:0',
      site.origin,
    );
    // The fixture is on 127.0.0.1, which a site must allow explicitly (issue 16).
    const config = { ...JSON.parse(raw), allowPrivateHosts: [new URL(site.origin).host] };
    report = await crawlSite(parseSiteConfig(config), { state: new MemoryFetchStateStore(), sink });
  });
  afterAll(() => site?.close());

  it('follows only listing and article pages, never the navigation the article links to', () => {
    const pages = report.items.filter((i) => i.kind === 'page').map((i) => new URL(i.url).pathname);
    expect(pages.sort()).toEqual([
      '/yjsgk/202305/t20230501_103.html',
      '/yjsgk/202306/t20230601_102.html',
      '/yjsgk/202307/t20230718_101.html',
      '/yjsgk/index.html',
      '/yjsgk/index_1.html',
    ]);
    expect(site.requests.some((r) => r.path.startsWith('/zwgk') || r.path.startsWith('/go/'))).toBe(false);
  });

  it('takes attachments by extension and by pattern, with article provenance', () => {
    const urls = sink.docs.filter((d) => !d.parentSha256).map((d) => new URL(d.url).pathname + new URL(d.url).search);
    // the ZIP behind download.jsp is not a document itself: its two members are
    expect(urls.sort()).toEqual([
      '/attach/1001.pdf',
      '/attach/1002.docx',
      '/attach/1003.xls',
      '/busy/6001.xls',
      '/flaky/5001.pdf',
      '/yjsgk/202307/t20230718_101.html',
    ]);
    expect(report.items.find((i) => i.url.endsWith('download.jsp?id=1004') && i.kind === 'document')).toMatchObject({
      outcome: 'new',
    });
    const zipMembers = sink.docs.filter((d) => d.parentSha256);
    expect(zipMembers).toHaveLength(2);
    expect(zipMembers[0]!.discoveredFrom).toMatchObject({
      articleTitle: '洪江市财政局2024年部门预算公开',
      linkText: '附件下载',
      publishedAt: '2023-05-01 10:00',
    });
    expect(report.documents.skippedByRobots).toBe(1);
  });
});
