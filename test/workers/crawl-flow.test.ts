import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, QueueEvents } from 'bullmq';
import type { CrawlReport } from '../../src/crawl/report.js';
import { openStores, type Stores } from '../../src/store/open.js';
import { STAGES } from '../../src/pipeline/jobs.js';
import { silentLogger } from '../../src/util/log.js';
import { CRAWL_QUEUE, crawlJobId, FETCH_QUEUE } from '../../workers/crawl-queues.js';
import { startCrawlWorkers } from '../../workers/crawl.worker.js';
import { startPipelineWorkers } from '../../workers/pipeline.worker.js';
import { connectionFromUrl, queueName } from '../../workers/queues.js';
import { startFixtureSite, type FixtureSite } from '../fixtures/site/server.js';
import { depsOf } from '../helpers/pipeline.js';
import { REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';
import { fixtureConfig } from '../unit/crawl/helpers.js';

const up = await serviceUp('redis');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!up)('crawl -> fetch -> extract -> recognise -> store on BullMQ', () => {
  const connection = connectionFromUrl(REDIS_URL);
  const prefix = uniqueName('bdcrawl');
  const names = [CRAWL_QUEUE, FETCH_QUEUE, ...STAGES.map(queueName)];
  const queues = names.map((n) => new Queue(n, { connection, prefix }));
  const [crawlQueue, fetchQueue] = queues as [Queue, Queue];
  let site: FixtureSite;
  let stores: Stores;
  let events: QueueEvents;
  let stop: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    site = await startFixtureSite();
    stores = await openStores({ dataDir: 'memory://' });
    events = new QueueEvents(CRAWL_QUEUE, { connection, prefix });
    await events.waitUntilReady();
    const pipeline = startPipelineWorkers({ connection, prefix, deps: depsOf(stores) });
    const crawl = await startCrawlWorkers({ redisUrl: REDIS_URL, prefix, stores, log: silentLogger, concurrency: 2 });
    stop = [() => crawl.close(), () => pipeline.close()];
  });
  afterAll(async () => {
    for (const s of stop) await s();
    await events?.close();
    for (const q of queues) {
      await q.obliterate({ force: true }).catch(() => undefined);
      await q.close();
    }
    await stores?.close();
    await site?.close();
  });

  /** Runs one crawl job and waits (bounded) until every queue behind it is idle. */
  async function crawlOnce(runId: string): Promise<CrawlReport> {
    const cfg = fixtureConfig(site.origin);
    const job = await crawlQueue.add('crawl', { site: cfg, runId }, { jobId: crawlJobId('crawl', runId) });
    const report = (await job.waitUntilFinished(events, 60_000)) as CrawlReport;
    const deadline = Date.now() + 60_000;
    for (;;) {
      const counts = await Promise.all(
        queues.map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
      );
      if (counts.every((c) => Object.values(c).every((n) => n === 0))) return report;
      if (Date.now() > deadline) throw new Error(`queues still busy: ${JSON.stringify(counts)}`);
      await sleep(200);
    }
  }

  it('walks the site, fetches each document once and stores records with crawl provenance', async () => {
    const report = await crawlOnce('night-1');
    expect(report.pagesFetched).toBe(6);
    expect(report.pagesSkippedByRobots).toBe(1);
    // attachments by extension go to the fetch queue; the download.jsp ZIP is found by Content-Type while walking
    expect(report.documents.queued).toBe(8);

    const completed = (await fetchQueue.getCompleted()).map((j) => [
      new URL(j.data.url).pathname,
      (j.returnvalue as { outcome: string }).outcome,
    ]);
    expect(Object.fromEntries(completed)).toEqual({
      '/attach/1001.pdf': 'new',
      '/attach/1002.docx': 'new',
      '/attach/1003.xls': 'new',
      '/flaky/5001.pdf': 'new',
      '/busy/6001.xls': 'new',
      '/private/budget.pdf': 'skipped',
    });
    const failed = await fetchQueue.getFailed();
    // transient: retried to the limit; permanent (404): UnrecoverableError after one attempt; both kept with the reason
    const failedBy = Object.fromEntries(
      failed.map((j) => [new URL(j.data.url).pathname, [j.attemptsMade, j.failedReason]]),
    );
    expect(failedBy).toEqual({
      '/hang/7001.pdf': [3, expect.stringMatching(/no complete answer within 400 ms/)],
      '/attach/8001.pdf': [1, expect.stringMatching(/^http\.404: 404/)],
    });
    const flaky = (await fetchQueue.getCompleted()).find((j) => j.data.url.endsWith('/flaky/5001.pdf'))!;
    expect(flaky.attemptsMade).toBe(3);

    const summary = await stores.records.summary();
    expect(summary.tablesByType['perf.dept_target']).toBeGreaterThanOrEqual(1);
    const pdf = site.origins['/attach/1001.pdf']!;
    if (pdf.startsWith('corpus:'))
      expect(Object.keys(summary.tablesByType).some((t) => t.startsWith('budget.'))).toBe(true);
    const pdfId = createHash('sha256').update(site.bodyOf('/attach/1001.pdf')).digest('hex');
    const doc = await stores.records.getDocument(pdfId);
    expect(doc?.source.discoveredFrom).toMatchObject({
      articleTitle: '洪江市财政局2024年部门决算公开',
      publishedAt: '2023-06-01 09:30',
      linkText: '洪江市财政局2024年部门决算.pdf',
    });
    expect(doc?.urls).toEqual([`${site.origin}/attach/1001.pdf`, `${site.origin}/flaky/5001.pdf`]);
  });

  it('a second nightly run stores nothing new: every document is unchanged', async () => {
    const before = await stores.records.summary();
    const report = await crawlOnce('night-2');
    expect(report.documents.queued).toBe(8);
    const second = (await fetchQueue.getCompleted())
      .filter((j) => j.data.runId === 'night-2')
      .map((j) => (j.returnvalue as { outcome: string }).outcome);
    expect(second.filter((o) => o === 'new' || o === 'changed')).toEqual([]);
    expect(second.filter((o) => o === 'unchanged')).toHaveLength(5);
    const after = await stores.records.summary();
    expect(after.documents).toBe(before.documents);
    expect(after.records).toBe(before.records);
  });

  it('adding the same crawl job again (a retried enqueue) is a no-op', async () => {
    const cfg = fixtureConfig(site.origin);
    const a = await crawlQueue.add('crawl', { site: cfg, runId: 'night-2' }, { jobId: crawlJobId('crawl', 'night-2') });
    expect(a.id).toBe(crawlJobId('crawl', 'night-2'));
    expect(await crawlQueue.getJobCountByTypes('waiting', 'active', 'delayed')).toBe(0);
  });
});
