import { Queue } from 'bullmq';
import type { CrawlBackend } from '../src/cli/schedule.js';
import { connectionFromUrl } from './queues.js';
import { CRAWL_QUEUE, crawlJobId, crawlJobOptions } from './crawl-queues.js';
import { listCrawlSchedules, scheduleCrawl, unscheduleCrawl } from './schedule.js';

/** The BullMQ side of `budgetdoc crawl --redis-url` and `budgetdoc schedule`. */
export const crawlBackend: CrawlBackend = {
  async enqueueCrawl({ redisUrl, site }) {
    const queue = new Queue(CRAWL_QUEUE, { connection: connectionFromUrl(redisUrl), defaultJobOptions: crawlJobOptions });
    try {
      const runId = `manual-${Date.now().toString(36)}`;
      const job = await queue.add('crawl', { site, runId }, { jobId: crawlJobId('crawl', runId, site.name) });
      return job.id ?? runId;
    } finally {
      await queue.close();
    }
  },
  schedule: (opts) => scheduleCrawl(opts),
  unschedule: (opts) => unscheduleCrawl(opts),
  listSchedules: (opts) => listCrawlSchedules(opts),
};
