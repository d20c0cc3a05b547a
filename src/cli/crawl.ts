import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatReport, type CrawlReport } from '../crawl/report.js';
import type { SiteConfig } from '../crawl/site-config.js';
import { defaultLimits } from '../extract/types.js';
import { checked, EXIT, openFromFlags, parseDuration, storeOptions, wholeNumber, type StoreFlags } from './options.js';
import { registerSchedule, type CrawlBackendLoader } from './schedule.js';

/** What names the site to crawl: shared by `crawl` and `schedule`. */
export interface SiteFlags {
  startUrl?: string;
  site?: string;
  name?: string;
  allowHost: string[];
  maxPages?: string;
  depth?: string;
  rate?: string;
  timeout?: string;
  userAgent?: string;
}

export interface CrawlFlags extends SiteFlags, StoreFlags {
  json?: boolean;
  ocr: boolean;
  redisUrl?: string;
  wait?: boolean;
  /** Seconds (parseDuration). */
  waitTimeout: number;
  queuePrefix: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];

export function siteOptions(cmd: Command): Command {
  return cmd
    .option('--start-url <url>', 'ad-hoc crawl from this page (follows links within the allowed hosts)')
    .option(
      '--site <file>',
      'site config (JSON: startUrls, allowedHosts, listing/article/attachment patterns, politeness)',
    )
    .option('--name <name>', "the site's name, which names its schedule (default: the start URL's host and path)")
    .option('--allow-host <host>', 'also allow this host (repeatable)', collect, [])
    .option('--max-pages <n>', 'most HTML pages to fetch')
    .option('--depth <n>', 'most links to follow from a start page')
    .option('--rate <requests/seconds>', 'per-host budget, e.g. 1/2 (the default)')
    .option('--timeout <duration>', 'per-request timeout, e.g. 30s (a bare number is seconds; default 30s)')
    .option(
      '--user-agent <ua>',
      'User-Agent with your contact (default: budgetdoc/0.1 with the project contact)',
      process.env.BUDGETDOC_USER_AGENT,
    );
}

/**
 * A site's name, from its first start URL: host and path (`czj.example.gov.cn-yjsgk`), so each ad-hoc schedule has
 * its own name instead of all being `adhoc` and replacing one another (issue 14). Only letters, digits, `.`, `_` and
 * `-`: the name is part of BullMQ ids, which may not contain ':'.
 */
export function siteNameOf(startUrl: string): string {
  const u = new URL(startUrl);
  const path = u.pathname.replace(/\/(index\.s?html?)?$/i, '');
  return `${u.host}${path}`.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
}

/** `--rate 1/2` = one request per two seconds per host. */
function parseRate(v: string | undefined): { requests: number; perSeconds: number } | undefined {
  if (!v) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new Error(`--rate must look like 1/2 (requests per seconds), got ${v}`);
  return { requests: Number(m[1]), perSeconds: Number(m[2]) };
}

/** The site config from --site FILE (JSON) or the ad-hoc flags; command-line bounds override the file's. */
export async function configFromFlags(f: SiteFlags): Promise<SiteConfig> {
  const maxPages = checked('--max-pages', f.maxPages, wholeNumber(1));
  const depth = checked('--depth', f.depth, wholeNumber(0));
  // Seconds like every other time option (issue 14: this one alone was milliseconds).
  const timeout = checked('--timeout', f.timeout, parseDuration);
  const timeoutMs = timeout === undefined ? undefined : Math.max(1, Math.round(timeout * 1000));
  if (f.name !== undefined && !/^[A-Za-z0-9._-]+$/.test(f.name))
    throw new Error(`--name: letters, digits, '.', '_' and '-' only, not ${JSON.stringify(f.name)}`);
  const { adHocConfig, parseSiteConfig } = await import('../crawl/site-config.js');
  const politeness = {
    ...parseRate(f.rate),
    ...(timeoutMs ? { timeoutMs } : {}),
    ...(f.userAgent ? { userAgent: f.userAgent } : {}),
  };
  if (f.site) {
    const raw = JSON.parse(await readFile(f.site, 'utf8')) as Record<string, unknown>;
    const base = parseSiteConfig(raw);
    return parseSiteConfig({
      ...base,
      name: f.name ?? (typeof raw.name === 'string' ? raw.name : siteNameOf(base.startUrls[0]!)),
      allowedHosts: [...base.allowedHosts, ...f.allowHost],
      // A host allowed on the command line may also resolve to a private or loopback address (issue 16).
      allowPrivateHosts: [...base.allowPrivateHosts, ...f.allowHost],
      ...(maxPages !== undefined ? { maxPages } : {}),
      ...(depth !== undefined ? { maxDepth: depth } : {}),
      politeness: { ...base.politeness, ...politeness },
    });
  }
  if (!f.startUrl) throw new Error('crawl needs --start-url URL or --site FILE');
  const cfg = adHocConfig({
    startUrl: f.startUrl,
    allowHosts: f.allowHost,
    ...(maxPages !== undefined ? { maxPages } : {}),
    ...(depth !== undefined ? { depth } : {}),
    politeness,
  });
  return { ...cfg, name: f.name ?? siteNameOf(f.startUrl) };
}

/**
 * `budgetdoc crawl` (embedded: this process fetches, extracts and stores; no Redis) and
 * `budgetdoc schedule` (the nightly BullMQ run). The BullMQ side is handed in by the entry point.
 */
export function registerCrawlCommands(program: Command, loadBackend?: CrawlBackendLoader): void {
  storeOptions(
    siteOptions(
      program
        .command('crawl')
        .description(
          'crawl a finance bureau site politely and ingest its disclosures (embedded; add --redis-url to queue it for workers)',
        ),
    )
      .option('--no-ocr', 'never run OCR on fetched documents')
      .option('--json', 'print the crawl report as JSON (with every URL and its outcome)')
      .option('--redis-url <url>', 'queue the crawl for `budgetdoc worker` processes instead of running it here')
      .option(
        '--wait',
        'with --redis-url: wait until the workers have fetched, extracted and stored everything, then print the report (needs their --database-url)',
      )
      .option(
        '--wait-timeout <duration>',
        'with --wait: give up waiting after this long, e.g. 90m (default 6h)',
        parseDuration,
        6 * 3600,
      )
      .option(
        '--queue-prefix <prefix>',
        "with --redis-url: the workers' BullMQ key prefix",
        process.env.BUDGETDOC_QUEUE_PREFIX ?? 'bull',
      ),
  ).action(async (flags: CrawlFlags) => {
    const started = Date.now();
    const cfg = await configFromFlags(flags);
    if (flags.redisUrl) return crawlQueued(cfg, flags as CrawlFlags & { redisUrl: string }, started, loadBackend);
    if (flags.wait) throw new Error('--wait needs --redis-url (the embedded crawl always waits)');
    // The crawler and the pipeline load when they run, not when the command line is parsed (`--help` stays fast).
    const [{ createLogger }, { InProcessQueue }, { crawlSite }, { pipelineSink }, { openFetchState }] =
      await Promise.all([
        import('../util/log.js'),
        import('../pipeline/in-process.js'),
        import('../crawl/crawler.js'),
        import('../crawl/pipeline-sink.js'),
        import('../crawl/sql-fetch-state.js'),
      ]);
    const log = createLogger();
    const stores = await openFromFlags(flags, { create: true });
    const queue = new InProcessQueue({ ...stores, limits: { ...defaultLimits, ocr: flags.ocr }, log });
    try {
      const runId = `crawl-${Date.now().toString(36)}`;
      const report = await crawlSite(cfg, {
        state: await openFetchState(stores),
        sink: pipelineSink(stores, queue, { runId, wait: true }),
        onItem: (item) =>
          log.info({ url: item.url, kind: item.kind, outcome: item.outcome, reason: item.reason }, 'crawl'),
      });
      printReport(report, flags.json);
    } finally {
      await queue.close();
      await stores.close();
    }
  });
  registerSchedule(program, loadBackend);
}

/** Exit 1 when a document failed (issue 14: crawl exited 0), or when not one page could be fetched. */
function printReport(report: CrawlReport, json: boolean | undefined): void {
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
  if (report.pagesFetched === 0 || report.documents.failed > 0) process.exitCode = EXIT.failed;
}

/**
 * `crawl --redis-url`: queue the crawl for the workers; with --wait, follow it to the end and
 * print the embedded crawl's report. Records are read from the store the workers write, so
 * --wait needs their PostgreSQL (an embedded store cannot be shared between processes).
 */
async function crawlQueued(
  cfg: SiteConfig,
  flags: CrawlFlags & { redisUrl: string },
  started: number,
  loadBackend?: CrawlBackendLoader,
): Promise<void> {
  if (!loadBackend) throw new Error('this build has no BullMQ backend');
  const timeoutMs = flags.waitTimeout * 1000;
  if (flags.wait && !flags.databaseUrl)
    throw new Error('--wait reads the records the workers stored: give their --database-url (or DATABASE_URL)');
  const backend = await loadBackend();
  const base = { redisUrl: flags.redisUrl, prefix: flags.queuePrefix };
  const jobId = await backend.enqueueCrawl({ ...base, site: cfg });
  if (!flags.wait) {
    process.stdout.write(flags.json ? `${JSON.stringify({ queued: jobId })}\n` : `queued crawl job ${jobId}\n`);
    return;
  }
  const stores = await openFromFlags(flags);
  try {
    printReport(
      await backend.waitForCrawl({ ...base, jobId, records: stores.records, startedAt: started, timeoutMs }),
      flags.json,
    );
  } finally {
    await stores.close();
  }
}
