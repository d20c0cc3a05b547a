import { Queue } from 'bullmq';
import type { ScheduledCrawl, ScheduleOptions } from '../src/cli/schedule.js';
import { connectionFromUrl } from './queues.js';
import { CRAWL_QUEUE, crawlJobOptions } from './crawl-queues.js';

/** One scheduler per site, so re-running `budgetdoc schedule` replaces it instead of adding another. */
export const schedulerId = (siteName: string) => `nightly-crawl-${siteName}`;

function crawlQueue(redisUrl: string, prefix?: string): Queue {
  return new Queue(CRAWL_QUEUE, {
    connection: connectionFromUrl(redisUrl),
    prefix: prefix ?? 'bull',
    defaultJobOptions: crawlJobOptions,
  });
}

const describe = (s: {
  key: string;
  id?: string | null;
  pattern?: string;
  tz?: string;
  next?: number;
  template?: { data?: unknown };
}): ScheduledCrawl => {
  const site = (s.template?.data as { site?: { name?: string } } | undefined)?.site?.name;
  return {
    id: s.id ?? s.key,
    pattern: s.pattern ?? '',
    ...(s.tz ? { tz: s.tz } : {}),
    ...(s.next ? { next: new Date(s.next).toISOString() } : {}),
    ...(site ? { site } : {}),
  };
};

/** Registers the nightly crawl: a BullMQ job scheduler (repeatable job) with a cron pattern and time zone. */
export async function scheduleCrawl(opts: ScheduleOptions & { prefix?: string }): Promise<ScheduledCrawl> {
  const queue = crawlQueue(opts.redisUrl, opts.prefix);
  try {
    const id = schedulerId(opts.site.name);
    await queue.upsertJobScheduler(
      id,
      { pattern: opts.pattern, tz: opts.tz },
      { name: 'crawl', data: { site: opts.site }, opts: crawlJobOptions },
    );
    const s = await queue.getJobScheduler(id);
    return s ? describe(s) : { id, pattern: opts.pattern, tz: opts.tz };
  } finally {
    await queue.close();
  }
}

export async function listCrawlSchedules(opts: { redisUrl: string; prefix?: string }): Promise<ScheduledCrawl[]> {
  const queue = crawlQueue(opts.redisUrl, opts.prefix);
  try {
    return (await queue.getJobSchedulers(0, -1, true)).map(describe);
  } finally {
    await queue.close();
  }
}

export async function unscheduleCrawl(opts: { redisUrl: string; name: string; prefix?: string }): Promise<boolean> {
  const queue = crawlQueue(opts.redisUrl, opts.prefix);
  try {
    return await queue.removeJobScheduler(schedulerId(opts.name));
  } finally {
    await queue.close();
  }
}
