import type { Command } from 'commander';
import type { CrawlReport } from '../crawl/report.js';
import type { SiteConfig } from '../crawl/site-config.js';
import type { RecordStore } from '../store/ports.js';
import { configFromFlags, siteOptions, type SiteFlags } from './crawl.js';

export const NIGHTLY_PATTERN = '0 2 * * *';
export const NIGHTLY_TZ = 'Asia/Shanghai';

export interface ScheduleOptions {
  redisUrl: string;
  /** The workers' BullMQ key prefix. */
  prefix?: string;
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
  unschedule(opts: { redisUrl: string; name: string; prefix?: string }): Promise<boolean>;
  listSchedules(opts: { redisUrl: string; prefix?: string }): Promise<ScheduledCrawl[]>;
}

export type CrawlBackendLoader = () => Promise<CrawlBackend>;

interface ScheduleFlags extends SiteFlags {
  cron: string;
  tz: string;
  redisUrl?: string;
  queuePrefix: string;
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
    .option('--queue-prefix <prefix>', "the workers' BullMQ key prefix", process.env.BUDGETDOC_QUEUE_PREFIX ?? 'bull')
    .option('--remove <name>', 'remove the schedule of this name (as --list prints it)')
    .option('--list', 'list registered schedules by name')
    .option('--json', 'print the result as JSON')
    .action(async (flags: ScheduleFlags) => {
      const redisUrl = flags.redisUrl || 'redis://127.0.0.1:6379';
      if (!loadBackend) throw new Error('this build has no BullMQ backend');
      const backend = await loadBackend();
      const at = { redisUrl, prefix: flags.queuePrefix };
      const where = `${redactedUrl(redisUrl)}${flags.queuePrefix === 'bull' ? '' : ` (prefix ${flags.queuePrefix})`}`;
      const print = (v: unknown, text: string) =>
        void process.stdout.write(flags.json ? `${JSON.stringify(v, null, 2)}\n` : `${text}\n`);
      if (flags.list) {
        const all = (await backend.listSchedules(at)).map((s) => ({ name: nameOf(s), ...s }));
        const rows = all.map((s) => `  ${s.name}  ${s.pattern} ${s.tz ?? 'UTC'}  next ${s.next ?? '?'}`);
        return print(
          { redisUrl: redactedUrl(redisUrl), schedules: all },
          rows.length ? `schedules on ${where}:\n${rows.join('\n')}` : `no schedules on ${where}`,
        );
      }
      if (flags.remove) {
        const name = await resolveName(backend, at, flags.remove);
        const removed = await backend.unschedule({ ...at, name });
        return print(
          { removed, name, redisUrl: redactedUrl(redisUrl) },
          removed ? `removed ${name} from ${where}` : `no schedule ${flags.remove} on ${where} (see --list)`,
        );
      }
      const site = await configFromFlags(flags);
      const s = await backend.schedule({ ...at, site, pattern: flags.cron, tz: flags.tz });
      const name = nameOf({ ...s, site: s.site ?? site.name });
      print(
        { name, redisUrl: redactedUrl(redisUrl), ...s },
        `scheduled ${name} on ${where}: ${s.pattern} (${s.tz ?? 'UTC'}), next run ${s.next ?? '?'}\n` +
          `remove it with: budgetdoc schedule --remove ${name}${flags.redisUrl ? ` --redis-url ${redactedUrl(redisUrl)}` : ''}`,
      );
    });
}

/** A schedule is named by its site (what `--remove` takes); the backend's id only when the site is unknown. */
const nameOf = (s: ScheduledCrawl) => s.site ?? s.id;

/** `--remove` takes the name `--list` prints; the backend's id (nightly-crawl-…) is accepted too. */
async function resolveName(
  backend: CrawlBackend,
  at: { redisUrl: string; prefix: string },
  given: string,
): Promise<string> {
  const match = (await backend.listSchedules(at)).find((s) => s.id === given || s.site === given);
  return match?.site ?? given;
}

/** A Redis URL as printed: its password hidden. */
function redactedUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}
