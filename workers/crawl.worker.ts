import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { crawlSite } from '../src/crawl/crawler.js';
import { pipelineSink } from '../src/crawl/pipeline-sink.js';
import { redisRateLimiter } from '../src/crawl/rate-limit.js';
import { openFetchState } from '../src/crawl/sql-fetch-state.js';
import { parseSiteConfig } from '../src/crawl/site-config.js';
import type { Stores } from '../src/store/open.js';
import { BullQueueBackend } from './backend.js';
import { connectionFromUrl } from './queues.js';
import {
  CRAWL_QUEUE,
  crawlJobId,
  crawlJobOptions,
  crawlJobSchema,
  FETCH_QUEUE,
  politeBackoff,
  type FetchJobData,
} from './crawl-queues.js';
import { fetchProcessor } from './fetch.worker.js';

export interface CrawlWorkerConfig {
  redisUrl: string;
  prefix?: string;
  stores: Stores;
  log: Logger;
  concurrency?: number;
}

/**
 * The crawl and fetch workers (issue 6). crawl: walks one site's listing and article pages and
 * enqueues a fetch job per document (job id = hash of run and URL, so a retried crawl adds
 * nothing twice). fetch: see fetch.worker.ts. Extracted documents continue on the pipeline's
 * extract queue, whose workers are startPipelineWorkers.
 */
export async function startCrawlWorkers(
  cfg: CrawlWorkerConfig,
): Promise<{ workers: Worker[]; close(): Promise<void> }> {
  const connection = connectionFromUrl(cfg.redisUrl);
  const prefix = cfg.prefix ?? 'bull';
  const redis = new Redis(cfg.redisUrl, { maxRetriesPerRequest: 3, enableOfflineQueue: true });
  const fetchQueue = new Queue(FETCH_QUEUE, { connection, prefix, defaultJobOptions: crawlJobOptions });
  const pipeline = new BullQueueBackend({ connection, prefix }, cfg.stores, cfg.log);
  const state = await openFetchState(cfg.stores);
  const sink = (runId: string) => pipelineSink(cfg.stores, pipeline, { runId, wait: false });
  const limiters = new Map<string, ReturnType<typeof redisRateLimiter>>();
  const limiterFor = (b: { requests: number; perSeconds: number }) => {
    const key = `${b.requests}/${b.perSeconds}`;
    if (!limiters.has(key)) limiters.set(key, redisRateLimiter(b, redis, `${prefix}:budgetdoc:crawl-host`));
    return limiters.get(key)!;
  };

  const crawl = new Worker(
    CRAWL_QUEUE,
    async (job: Job) => {
      const data = crawlJobSchema.parse(job.data);
      const site = parseSiteConfig(data.site);
      // A scheduler's jobs carry no run id: each iteration's job id (unique per run) is one.
      const runId = data.runId ?? crawlJobId('crawl', String(job.id), String(job.timestamp));
      const report = await crawlSite(site, {
        state,
        sink: sink(runId),
        limiter: limiterFor(site.politeness),
        dispatchDocument: async (item) => {
          const payload: FetchJobData = { runId, url: item.url, discovery: item.discovery, site: data.site };
          await fetchQueue.add('fetch', payload, {
            jobId: crawlJobId('fetch', runId, item.url),
            attempts: site.politeness.attempts,
          });
        },
      });
      cfg.log.info(
        { site: site.name, runId, pages: report.pagesFetched, queued: report.documents.queued },
        'crawl walked',
      );
      return { ...report, runId };
    },
    { connection, prefix, concurrency: 1 },
  );
  const fetchWorker = new Worker(FETCH_QUEUE, fetchProcessor({ state, sink, limiterFor }), {
    connection,
    prefix,
    concurrency: cfg.concurrency ?? 2,
    settings: { backoffStrategy: politeBackoff },
  });
  const workers = [crawl, fetchWorker];
  for (const w of workers) {
    w.on('failed', (job, err) =>
      cfg.log.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'),
    );
    w.on('error', (err) => cfg.log.error({ queue: w.name, err: err.message }, 'worker error'));
  }
  return {
    workers,
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await fetchQueue.close();
      await pipeline.close();
      redis.disconnect();
    },
  };
}
