import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportItem } from '../../../src/crawl/report.js';
import { settleReport } from '../../../src/crawl/settle.js';
import { InProcessQueue } from '../../../src/pipeline/in-process.js';
import { registerFile } from '../../../src/pipeline/register-file.js';
import { openStores, type Stores } from '../../../src/store/open.js';
import { depsOf, HTML_SAMPLE } from '../../helpers/pipeline.js';

describe('settleReport (the report of a crawl whose documents went to stage workers)', () => {
  let stores: Stores;
  let queue: InProcessQueue;
  beforeEach(async () => {
    stores = await openStores({ dataDir: 'memory://' });
    queue = new InProcessQueue(depsOf(stores));
  });
  afterEach(async () => {
    await stores.close();
  });

  /** Registers bytes as the fetch worker does and queues their extraction, without running it. */
  async function queued(bytes: Uint8Array, url: string): Promise<string> {
    const { source } = await registerFile({ bytes, url }, stores);
    await queue.enqueue({ stage: 'extract', data: { sourceId: source.id, runId: 'settle' } });
    return source.id;
  }

  it('waits for the pipeline, then counts records once per sha256 and reports failed extractions', async () => {
    const html = new Uint8Array(readFileSync(HTML_SAMPLE));
    const a = await queued(html, 'http://a.cn/a.html');
    const b = await queued(
      new Uint8Array(Buffer.concat([html, Buffer.from('<!-- b -->')])),
      'http://a.cn/z.zip#b.html',
    );
    const broken = await queued(new Uint8Array(Buffer.alloc(300, 0x41)), 'http://a.cn/c.pdf');
    const zip = (
      await registerFile(
        { bytes: new Uint8Array([0x50, 0x4b, 5, 6, ...new Array(18).fill(0)]), url: 'http://a.cn/z.zip' },
        stores,
      )
    ).source.id;
    const items: ReportItem[] = [
      { url: 'http://a.cn/list.html', kind: 'page', outcome: 'fetched' },
      { url: 'http://a.cn/a.html', kind: 'document', outcome: 'new', sha256: a, pending: true },
      { url: 'http://a.cn/copy-of-a.html', kind: 'document', outcome: 'new', sha256: a, pending: true },
      { url: 'http://a.cn/c.pdf', kind: 'document', outcome: 'new', sha256: broken, pending: true },
      { url: 'http://a.cn/z.zip', kind: 'member', member: 'b.html', outcome: 'new', sha256: b, pending: true },
      { url: 'http://a.cn/z.zip', kind: 'member', member: 'c.pdf', outcome: 'new', sha256: broken, pending: true },
      { url: 'http://a.cn/z.zip', kind: 'document', outcome: 'new', sha256: zip, pending: true },
    ];
    const settling = settleReport('t', items, stores.records, {
      startedAt: Date.now() - 5000,
      deadline: Date.now() + 60_000,
      pollMs: 20,
    });
    // the "workers" finish a moment later
    await new Promise((r) => setTimeout(r, 150));
    await queue.drain();
    const report = await settling;

    expect(report.durationMs).toBeGreaterThanOrEqual(5000);
    expect(report.items.some((i) => i.pending)).toBe(false);
    const [, first, copy, failed, memberB, memberC, archive] = report.items;
    const perDoc = (await stores.records.getDocument(a))!.recordCount;
    expect(perDoc).toBeGreaterThan(0);
    expect(first).toMatchObject({ outcome: 'new', records: perDoc });
    expect(copy).toMatchObject({ outcome: 'new', records: 0 });
    expect(failed).toMatchObject({ outcome: 'failed', reason: 'extract.failed', message: expect.any(String) });
    expect(memberB).toMatchObject({ outcome: 'new', records: perDoc });
    expect(memberC).toMatchObject({ outcome: 'failed', records: 0 });
    // a ZIP: its members' records, failed only when every member failed
    expect(archive).toMatchObject({ outcome: 'new', records: perDoc });
    expect(report.documents).toMatchObject({ new: 3, failed: 1, queued: 0 });
    expect(report.recordsByTableType).toEqual({ 'perf.dept_target': 2 * perDoc });
  });

  it('gives up at the deadline while documents are still pending', async () => {
    const id = await queued(new Uint8Array(readFileSync(HTML_SAMPLE)), 'http://a.cn/a.html');
    const items: ReportItem[] = [
      { url: 'http://a.cn/a.html', kind: 'document', outcome: 'new', sha256: id, pending: true },
    ];
    await expect(
      settleReport('t', items, stores.records, { startedAt: Date.now(), deadline: Date.now() + 100, pollMs: 20 }),
    ).rejects.toThrow(/1 of 1 document\(s\) still pending/);
  });
});
