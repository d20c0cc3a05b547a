import { afterAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import { adHocConfig } from '../../src/crawl/site-config.js';
import { NIGHTLY_PATTERN, NIGHTLY_TZ } from '../../src/cli/schedule.js';
import { CRAWL_QUEUE } from '../../workers/crawl-queues.js';
import { connectionFromUrl } from '../../workers/queues.js';
import { listCrawlSchedules, scheduleCrawl, schedulerId, unscheduleCrawl } from '../../workers/schedule.js';
import { REDIS_URL, serviceUp, uniqueName } from '../helpers/services.js';

const up = await serviceUp('redis');

describe.skipIf(!up)('budgetdoc schedule: the nightly crawl on BullMQ', () => {
  const prefix = uniqueName('bdcrawl');
  const queue = new Queue(CRAWL_QUEUE, { connection: connectionFromUrl(REDIS_URL), prefix });
  const site = { ...adHocConfig({ startUrl: 'http://127.0.0.1:9/' }), name: 'fixture-bureau' };
  afterAll(async () => {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  });

  it('registers one job scheduler at 02:00 Asia/Shanghai whose next run is 18:00 UTC', async () => {
    const s = await scheduleCrawl({ redisUrl: REDIS_URL, prefix, site, pattern: NIGHTLY_PATTERN, tz: NIGHTLY_TZ });
    expect(s).toMatchObject({
      id: schedulerId('fixture-bureau'),
      pattern: '0 2 * * *',
      tz: 'Asia/Shanghai',
      site: 'fixture-bureau',
    });
    const next = new Date(s.next!);
    expect(next.getUTCHours()).toBe(18);
    expect(next.getUTCMinutes()).toBe(0);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    // the scheduler keeps the next iteration as a delayed job carrying the site config
    const delayed = await queue.getDelayed();
    expect(delayed).toHaveLength(1);
    expect(delayed[0]!.name).toBe('crawl');
    expect(delayed[0]!.data).toMatchObject({ site: { name: 'fixture-bureau', startUrls: ['http://127.0.0.1:9/'] } });
  });

  it('re-running schedule replaces the scheduler instead of adding a second one', async () => {
    await scheduleCrawl({ redisUrl: REDIS_URL, prefix, site, pattern: '30 3 * * *', tz: NIGHTLY_TZ });
    const all = await listCrawlSchedules({ redisUrl: REDIS_URL, prefix });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ pattern: '30 3 * * *', tz: 'Asia/Shanghai' });
    expect(await queue.getDelayedCount()).toBe(1);
  });

  it('removes the schedule by site name', async () => {
    expect(await unscheduleCrawl({ redisUrl: REDIS_URL, prefix, name: 'fixture-bureau' })).toBe(true);
    expect(await listCrawlSchedules({ redisUrl: REDIS_URL, prefix })).toEqual([]);
    expect(await unscheduleCrawl({ redisUrl: REDIS_URL, prefix, name: 'fixture-bureau' })).toBe(false);
  });
});
