import type { Command } from 'commander';
import type { CrawlReport } from '../crawl/report.js';
import type { SiteConfig } from '../crawl/site-config.js';
import type { RecordStore } from '../store/ports.js';
import { configFromFlags, siteOptions, type SiteFlags } from './crawl.js';

export const NIGHTLY_PATTERN = '0 2 * * *';
export const NIGHTLY_TZ = 'Asia/Shanghai';

export interface ScheduleOptions {
  redisUrl: string;
  site: SiteConfig;
  pattern: string;
  tz: string;
}

export interface ScheduledCrawl {
  id: string;
  pattern: string;
  tz?: string;
  next?: string;
  site?: string;
}

/** The BullMQ side of crawling (workers/crawl-backend.ts), handed in by the process entry. */
export interface CrawlBackend {
  /** Queues one crawl and returns its job id; `prefix` must be the workers' queue prefix. */
  enqueueCrawl(opts: { redisUrl: string; site: SiteConfig; prefix?: string }): Promise<string>;
  /**
   * Waits until the queued crawl, its fetch jobs and the pipeline jobs they caused have ended
   * (reading outcomes from the queues and records from the workers' store), then reports.
   */
  waitForCrawl(opts: {
    redisUrl: string;
    prefix?: string;
    jobId: string;
    records: RecordStore;
    startedAt: number;
    timeoutMs: number;
    pollMs?: number;
  }): Promise<CrawlReport>;
  schedule(opts: ScheduleOptions): Promise<ScheduledCrawl>;
  unschedule(opts: { redisUrl: string; name: string }): Promise<boolean>;
  listSchedules(opts: { redisUrl: string }): Promise<ScheduledCrawl[]>;
}

export type CrawlBackendLoader = () => Promise<CrawlBackend>;

interface ScheduleFlags extends SiteFlags {
  cron: string;
  tz: string;
  redisUrl?: string;
  remove?: string;
  list?: boolean;
  json?: boolean;
}

/** `budgetdoc schedule`: registers (or replaces) the nightly crawl as a BullMQ job scheduler. */
export function registerSchedule(program: Command, loadBackend?: CrawlBackendLoader): void {
  siteOptions(
    program
      .command('schedule')
      .description(`register the nightly crawl (default ${NIGHTLY_PATTERN}, ${NIGHTLY_TZ}) as a repeatable BullMQ job`),
  )
    .option('--cron <pattern>', 'cron pattern', NIGHTLY_PATTERN)
    .option('--tz <zone>', 'time zone of the pattern', NIGHTLY_TZ)
    .option('--redis-url <url>', 'Redis for the queues', process.env.REDIS_URL)
    .option('--remove <name>', 'remove the schedule of this site name')
    .option('--list', 'list registered schedules')
    .option('--json', 'print the result as JSON')
    .action(async (flags: ScheduleFlags) => {
      const redisUrl = flags.redisUrl ?? 'redis://127.0.0.1:6379';
      if (!loadBackend) throw new Error('this build has no BullMQ backend');
      const backend = await loadBackend();
      const print = (v: unknown, text: string) =>
        void process.stdout.write(flags.json ? `${JSON.stringify(v, null, 2)}\n` : `${text}\n`);
      if (flags.list) {
        const all = await backend.listSchedules({ redisUrl });
        return print(
          all,
          all.map((s) => `${s.id}  ${s.pattern} ${s.tz ?? ''}  next ${s.next ?? '?'}`).join('\n') || 'no schedules',
        );
      }
      if (flags.remove) {
        const removed = await backend.unschedule({ redisUrl, name: flags.remove });
        return print({ removed }, removed ? `removed ${flags.remove}` : `no schedule for ${flags.remove}`);
      }
      const site = await configFromFlags(flags);
      const s = await backend.schedule({ redisUrl, site, pattern: flags.cron, tz: flags.tz });
      print(s, `scheduled ${s.id}: ${s.pattern} (${s.tz ?? 'UTC'}), next run ${s.next ?? '?'}`);
    });
}
