import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleFetchedDocument } from '../../../src/crawl/documents.js';
import type { FetchResult } from '../../../src/crawl/fetcher.js';
import { MemoryFetchStateStore } from '../../../src/crawl/ports.js';
import { pipelineSink } from '../../../src/crawl/pipeline-sink.js';
import { ReportBuilder } from '../../../src/crawl/report.js';
import { InProcessQueue } from '../../../src/pipeline/in-process.js';
import { openStores, type Stores } from '../../../src/store/open.js';
import { depsOf, HTML_SAMPLE } from '../../helpers/pipeline.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const URL_ = 'http://czj.example.gov.cn/attach/download.jsp?id=9';
const discovery = {
  listingUrl: 'http://czj.example.gov.cn/yjsgk/',
  articleTitle: '2023年部门预算公开',
  linkText: '附件下载',
  publishedAt: '2023-05-01 10:00',
};

function response(bytes: Uint8Array): FetchResult {
  return {
    requestedUrl: URL_,
    url: URL_,
    status: 200,
    notModified: false,
    bytes,
    contentType: 'application/zip',
    redirects: [],
    fetchedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe('ZIP attachments through the pipeline sink', () => {
  let stores: Stores;
  let queue: InProcessQueue;
  let report: ReportBuilder;
  const ctx = () => ({
    state: new MemoryFetchStateStore(),
    sink: pipelineSink(stores, queue, { runId: 'zip', wait: true }),
    report,
    zipLimits: { maxEntries: 10, maxTotalBytes: 10_000_000 },
  });
  beforeEach(async () => {
    stores = await openStores({ dataDir: 'memory://' });
    queue = new InProcessQueue(depsOf(stores));
    report = new ReportBuilder('test');
  });
  afterEach(async () => {
    await stores.close();
  });

  it('stores the archive as a container and each member with the archive as parent', async () => {
    const html = new Uint8Array(readFileSync(HTML_SAMPLE));
    const zip = await new JSZip()
      .file('附件/绩效目标表.html', html)
      .file('说明.txt', '无')
      .generateAsync({ type: 'uint8array' });
    const item = await handleFetchedDocument(response(zip), undefined, '附件下载', discovery, ctx());
    expect(item).toMatchObject({ outcome: 'new', sha256: sha(zip) });

    const container = await stores.records.getDocument(sha(zip));
    expect(container).toMatchObject({
      status: 'ok',
      format: 'zip',
      recordCount: 0,
      source: { url: URL_, discoveredFrom: discovery },
    });
    expect(container?.source.parentId).toBeUndefined();
    expect(container?.issues).toEqual([
      expect.objectContaining({ code: 'zip.container', message: expect.stringContaining('绩效目标表.html') }),
    ]);

    const member = await stores.records.getDocument(sha(html));
    expect(member?.source).toMatchObject({
      parentId: sha(zip),
      url: `${URL_}#${encodeURIComponent('附件/绩效目标表.html')}`,
      fileName: '绩效目标表.html',
      discoveredFrom: discovery,
    });
    expect(member?.recordCount).toBeGreaterThan(0);
    const text = await stores.records.getDocument(sha(new TextEncoder().encode('无')));
    expect(text).toMatchObject({ status: 'failed', source: { parentId: sha(zip) } });
    expect(
      report.items
        .filter((i) => i.kind === 'member')
        .map((i) => i.member)
        .sort(),
    ).toEqual(['说明.txt', '附件/绩效目标表.html'].sort());
  });

  it('keeps an archive that cannot be opened, failed with the reason', async () => {
    const zip = await new JSZip().file('a.pdf', new Uint8Array(2000)).generateAsync({ type: 'uint8array' });
    const truncated = zip.subarray(0, 60);
    const item = await handleFetchedDocument(response(truncated), undefined, '附件下载', discovery, ctx());
    expect(item).toMatchObject({ outcome: 'failed', reason: 'zip.corrupt' });
    const stored = await stores.records.getDocument(sha(truncated));
    expect(stored).toMatchObject({ status: 'failed', source: { url: URL_, discoveredFrom: discovery } });
    expect(stored?.issues.map((i) => i.code)).toEqual(['zip.corrupt']);
    expect(await stores.blobs.has(sha(truncated))).toBe(true);
  });
});
