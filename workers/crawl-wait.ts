import { Queue, type Job } from 'bullmq';
import type { CrawlReport, ReportItem } from '../src/crawl/report.js';
import { settleReport } from '../src/crawl/settle.js';
import type { RecordStore } from '../src/store/ports.js';
import { CRAWL_QUEUE, crawlJobId, FETCH_QUEUE } from './crawl-queues.js';
import type { FetchJobResult } from './fetch.worker.js';
import { connectionFromUrl } from './queues.js';

export interface WaitOptions {
  redisUrl: string;
  prefix?: string;
  jobId: string;
  records: RecordStore;
  startedAt: number;
  timeoutMs: number;
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A finished job's outcome, or undefined while it waits, runs or sits in a retry delay. */
async function finished(
  queue: Queue,
  id: string,
): Promise<{ job?: Job; state: 'completed' | 'failed' | 'missing' } | undefined> {
  // State first, then the job: a job read before it finished would carry no return value.
  const state = await queue.getJobState(id);
  if (state === 'unknown') return { state: 'missing' };
  if (state !== 'completed' && state !== 'failed') return undefined;
  const job = await queue.getJob(id);
  return job ? { job, state } : { state: 'missing' };
}

/** The report item of a fetch job that gave up: its failedReason leads with the error code. */
function failedFetch(url: string, job: Job | undefined): ReportItem {
  if (!job)
    return {
      url,
      kind: 'document',
      outcome: 'failed',
      reason: 'job.missing',
      message: 'the fetch job is gone from the queue (removed before it was read)',
    };
  const message = job.failedReason ?? '';
  const reason = /^([\w.]+): /.exec(message)?.[1] ?? 'job.failed';
  const retries = Math.max(0, job.attemptsMade - 1);
  return { url, kind: 'document', outcome: 'failed', reason, message, ...(retries ? { retries } : {}) };
}

/**
 * `budgetdoc crawl --redis-url --wait`: follows one queued crawl to its end (the crawl job,
 * each fetch job it queued, then every document they sent down the pipeline, through the
 * shared store) and returns the same report as the embedded crawl. Jobs are polled rather
 * than followed through events, so a wait started late still sees jobs that already ended.
 */
export async function waitForCrawl(opts: WaitOptions): Promise<CrawlReport> {
  const connection = connectionFromUrl(opts.redisUrl);
  const prefix = opts.prefix ?? 'bull';
  const crawlQueue = new Queue(CRAWL_QUEUE, { connection, prefix });
  const fetchQueue = new Queue(FETCH_QUEUE, { connection, prefix });
  const deadline = Date.now() + opts.timeoutMs;
  const pollMs = opts.pollMs ?? 500;
  const overdue = (what: string) => {
    if (Date.now() > deadline) throw new Error(`${what} not finished within ${Math.round(opts.timeoutMs / 1000)} s`);
  };
  try {
    let crawl: Awaited<ReturnType<typeof finished>>;
    while (!(crawl = await finished(crawlQueue, opts.jobId))) {
      overdue(`crawl job ${opts.jobId}`);
      await sleep(pollMs);
    }
    if (crawl.state !== 'completed')
      throw new Error(
        `crawl job ${opts.jobId} ${crawl.state === 'missing' ? 'is not in the queue' : `failed: ${crawl.job?.failedReason}`}`,
      );
    const walked = crawl.job!.returnvalue as CrawlReport & { runId: string };

    const open = new Map(
      walked.items
        .filter((i) => i.kind === 'document' && i.outcome === 'queued')
        .map((i) => [crawlJobId('fetch', walked.runId, i.url), i.url]),
    );
    const fetched = new Map<string, ReportItem[]>();
    while (open.size > 0) {
      for (const [id, url] of open) {
        const f = await finished(fetchQueue, id);
        if (!f) continue;
        const result: FetchJobResult =
          f.state === 'completed' ? (f.job!.returnvalue as FetchJobResult) : failedFetch(url, f.job);
        const { members = [], ...item } = result;
        fetched.set(url, [item, ...members]);
        open.delete(id);
      }
      if (open.size === 0) break;
      overdue(`${open.size} fetch job(s)`);
      await sleep(pollMs);
    }
    const items = walked.items.flatMap((i) =>
      i.kind === 'document' && i.outcome === 'queued' ? (fetched.get(i.url) ?? []) : [i],
    );
    return await settleReport(walked.site, items, opts.records, { startedAt: opts.startedAt, deadline, pollMs });
  } finally {
    await crawlQueue.close();
    await fetchQueue.close();
  }
}
