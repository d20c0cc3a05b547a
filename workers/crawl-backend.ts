import { Queue } from 'bullmq';
import type { CrawlBackend } from '../src/cli/schedule.js';
import { connectionFromUrl } from './queues.js';
import { CRAWL_QUEUE, crawlJobId, crawlJobOptions } from './crawl-queues.js';
import { waitForCrawl } from './crawl-wait.js';
import { listCrawlSchedules, scheduleCrawl, unscheduleCrawl } from './schedule.js';

/** The BullMQ side of `budgetdoc crawl --redis-url` and `budgetdoc schedule`. */
export const crawlBackend: CrawlBackend = {
  async enqueueCrawl({ redisUrl, site, prefix }) {
    const queue = new Queue(CRAWL_QUEUE, {
      connection: connectionFromUrl(redisUrl),
      prefix: prefix ?? 'bull',
      defaultJobOptions: crawlJobOptions,
    });
    try {
      const runId = `manual-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
      const job = await queue.add('crawl', { site, runId }, { jobId: crawlJobId('crawl', runId, site.name) });
      return job.id ?? runId;
    } finally {
      await queue.close();
    }
  },
  waitForCrawl: (opts) => waitForCrawl(opts),
  schedule: (opts) => scheduleCrawl(opts),
  unschedule: (opts) => unscheduleCrawl(opts),
  listSchedules: (opts) => listCrawlSchedules(opts),
};
