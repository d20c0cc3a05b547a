import { UnrecoverableError, type Job } from 'bullmq';
import { conditionalFor, handleFetchedDocument } from '../src/crawl/documents.js';
import { politeFetcher } from '../src/crawl/crawler.js';
import type { DocumentSink, FetchStateStore } from '../src/crawl/ports.js';
import type { FlexibleHostRateLimiter } from '../src/crawl/rate-limit.js';
import { ReportBuilder, type ReportItem } from '../src/crawl/report.js';
import { parseSiteConfig } from '../src/crawl/site-config.js';
import { errorCode, isPermanent, TransientError } from '../src/model/errors.js';
import { fetchJobSchema } from './crawl-queues.js';

export interface FetchDeps {
  state: FetchStateStore;
  sink: (runId: string) => DocumentSink;
  /** The per-host limiter for a site's budget, shared by all workers through Redis. */
  limiterFor: (budget: { requests: number; perSeconds: number }) => FlexibleHostRateLimiter;
}

/** A fetch job's return value: the document's report item and, for a ZIP, its members' items. */
export type FetchJobResult = ReportItem & { members?: ReportItem[] };

/** Fetchers cached per site config, so robots.txt is read once per worker and site, not per document. */
const ROBOTS_TTL_MS = 3600_000;

/**
 * fetch: one document URL -> conditional GET (with the robots.txt and the per-host budget that
 * all workers share through Redis) -> unchanged, or stored and sent to extract. One attempt per
 * job run: BullMQ does the retrying, with the 'polite' backoff.
 */
export function fetchProcessor(deps: FetchDeps) {
  const fetchers = new Map<string, { at: number; get: ReturnType<typeof politeFetcher> }>();
  const fetcherFor = (site: Record<string, unknown>) => {
    const key = JSON.stringify(site);
    const hit = fetchers.get(key);
    if (hit && Date.now() - hit.at < ROBOTS_TTL_MS) return hit.get;
    const cfg = parseSiteConfig(site);
    const get = politeFetcher(
      { ...cfg, politeness: { ...cfg.politeness, attempts: 1 } },
      deps.limiterFor(cfg.politeness),
    );
    fetchers.set(key, { at: Date.now(), get });
    return get;
  };

  return async (job: Job): Promise<FetchJobResult> => {
    const data = fetchJobSchema.parse(job.data);
    const cfg = parseSiteConfig(data.site);
    const prev = await deps.state.getFetchState(data.url);
    let res: Awaited<ReturnType<ReturnType<typeof fetcherFor>>>;
    try {
      res = await fetcherFor(data.site)(data.url, conditionalFor(prev));
    } catch (err) {
      if (errorCode(err) === 'robots.disallowed')
        return { url: data.url, kind: 'document', outcome: 'skipped', reason: 'robots.disallowed' };
      if (isPermanent(err)) throw new UnrecoverableError(`${errorCode(err)}: ${(err as Error).message}`);
      // The code leads the kept failedReason, so a waiting `budgetdoc crawl` can report it.
      if (err instanceof TransientError)
        throw new TransientError(err.code, `${err.code}: ${err.message}`, err.retryAfterMs);
      throw err;
    }
    const report = new ReportBuilder(cfg.name);
    const ctx = { state: deps.state, sink: deps.sink(data.runId), report, zipLimits: cfg.zip };
    const item = await handleFetchedDocument(res, prev, data.discovery.linkText, data.discovery, ctx);
    const retries = job.attemptsMade;
    const members = report.items.filter((i) => i.kind === 'member');
    return { ...item, ...(retries > 0 ? { retries } : {}), ...(members.length ? { members } : {}) };
  };
}
