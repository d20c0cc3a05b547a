import type { Discovery } from '../model/document.js';
import { errorCode, PermanentError, type TransientError } from '../model/errors.js';
import { sniff } from '../extract/sniff.js';
import { decodeHtml } from '../extract/html/decode.js';
import { conditionalFor, handleFetchedDocument } from './documents.js';
import { fetchUrl, type FetchResult } from './fetcher.js';
import { isAttachmentContentType } from './file-name.js';
import { Frontier, type CrawlItem } from './frontier.js';
import { discoverPage, type FoundLink, type PageFacts } from './links.js';
import type { DocumentSink, FetchStateStore } from './ports.js';
import { memoryRateLimiter, type FlexibleHostRateLimiter } from './rate-limit.js';
import { ReportBuilder, type CrawlReport, type ReportItem } from './report.js';
import { withRetry } from './retry.js';
import { RobotsCache } from './robots.js';
import type { SiteConfig } from './site-config.js';
import { HostPolicy, urlExtension } from './url.js';

export interface CrawlDeps {
  state: FetchStateStore;
  sink: DocumentSink;
  /** Per-host limiter; a RateLimiterMemory one from the config's politeness when absent. */
  limiter?: FlexibleHostRateLimiter;
  signal?: AbortSignal;
  /**
   * Distributed mode: attachments go to the fetch queue instead of being fetched here (the
   * crawl worker walks the pages; fetch workers fetch and ingest the documents).
   */
  dispatchDocument?: (item: CrawlItem) => Promise<void>;
  /** Progress events for the CLI's log. */
  onItem?: (item: ReportItem) => void;
}

/** The hosts a site's crawl may request, and which of them may reach private addresses. */
export function hostPolicy(cfg: SiteConfig): HostPolicy {
  return new HostPolicy(cfg.allowedHosts, { privateHosts: cfg.allowPrivateHosts });
}

/** Fetching with the site's politeness: robots.txt, the per-host limit, retries. */
export function politeFetcher(cfg: SiteConfig, limiter: FlexibleHostRateLimiter, signal?: AbortSignal) {
  const p = cfg.politeness;
  const hosts = hostPolicy(cfg);
  const base = {
    userAgent: p.userAgent,
    timeoutMs: p.timeoutMs,
    maxBytes: p.maxBytes,
    maxRedirects: p.maxRedirects,
    hosts,
    ...(signal ? { signal } : {}),
  };
  const policy = { attempts: p.attempts, backoffMs: p.backoffMs, maxRetryAfterMs: p.maxRetryAfterMs };
  const robots = new RobotsCache(async (robotsUrl) => {
    try {
      const res = await withRetry(
        () =>
          fetchUrl(robotsUrl, { ...base, maxBytes: 512 * 1024, beforeRequest: (u) => limiter.acquire(u.host, signal) }),
        policy,
      );
      return decodeHtml(res.bytes, 'text/plain; charset=utf-8').text;
    } catch (err) {
      if (err instanceof PermanentError && /^http\.4\d\d$/.test(err.code)) return undefined;
      throw err;
    }
  }, p.userAgent);

  const gate = async (url: URL) => {
    let crawlDelay: number | undefined;
    if (p.respectRobots) {
      const verdict = await robots.check(url.href);
      if (!verdict.allowed)
        throw new PermanentError(
          'robots.disallowed',
          `robots.txt disallows ${url.href}${verdict.line ? ` (line ${verdict.line})` : ''}`,
        );
      crawlDelay = verdict.crawlDelay;
    }
    await limiter.acquire(url.host, signal, crawlDelay);
  };

  return async (
    href: string,
    conditional?: { etag?: string; lastModified?: string },
    onRetry?: (e: TransientError) => void,
  ): Promise<FetchResult> =>
    withRetry(
      () => fetchUrl(href, { ...base, beforeRequest: gate, ...(conditional ? { conditional } : {}) }),
      policy,
      onRetry,
    );
}

const matches = (patterns: string[], url: string) => patterns.some((p) => new RegExp(p).test(url));

/**
 * Crawls one site in this process (the embedded mode of `budgetdoc crawl`, no Redis): listing
 * pages are followed breadth-first within the bounds, attachments and article pages that
 * carry tables are handed to the pipeline with where they were found (issue 6).
 */
export async function crawlSite(cfg: SiteConfig, deps: CrawlDeps): Promise<CrawlReport> {
  const report = new ReportBuilder(cfg.name);
  const limiter = deps.limiter ?? memoryRateLimiter(cfg.politeness);
  const get = politeFetcher(cfg, limiter, deps.signal);
  const hosts = hostPolicy(cfg);
  const frontier = new Frontier(cfg);
  const patterned = cfg.listing.length + cfg.article.length > 0;
  const docCtx = { state: deps.state, sink: deps.sink, report, zipLimits: cfg.zip };
  const record = (item: ReportItem) => {
    report.add(item);
    deps.onItem?.(item);
  };
  for (const url of cfg.startUrls) frontier.push({ url, depth: 0, role: 'listing', discovery: {} });

  const isAttachment = (url: string) =>
    cfg.attachmentExtensions.includes(urlExtension(url)) || matches(cfg.attachment, url);

  const enqueueLinks = (item: CrawlItem, facts: PageFacts) => {
    const isArticle =
      item.role === 'article' || (!patterned && (facts.hasDataTable || facts.publishedAt !== undefined));
    for (const link of facts.links) {
      if (!hosts.allows(link.url) || matches(cfg.exclude, link.url)) continue;
      const discovery = childDiscovery(item, facts, link, isArticle);
      if (isAttachment(link.url)) {
        frontier.push({ url: link.url, depth: item.depth + 1, role: 'document', discovery });
      } else if (link.via === 'pagination') {
        frontier.push({
          url: link.url,
          depth: item.depth,
          role: 'listing',
          discovery: item.discovery,
          pagination: true,
        });
      } else if (item.depth < cfg.maxDepth) {
        const role = !patterned
          ? 'page'
          : matches(cfg.article, link.url)
            ? 'article'
            : matches(cfg.listing, link.url)
              ? 'listing'
              : undefined;
        if (role) frontier.push({ url: link.url, depth: item.depth + 1, role, discovery });
      }
    }
    return isArticle;
  };

  const visit = async (item: CrawlItem): Promise<void> => {
    let retries = 0;
    const onRetry = () => void retries++;
    const withRetries = (r: ReportItem): ReportItem => (retries ? { ...r, retries } : r);
    const kind = item.role === 'document' ? 'document' : 'page';
    try {
      if (item.role === 'document' && deps.dispatchDocument) {
        await deps.dispatchDocument(item);
        return record({ url: item.url, kind, outcome: 'queued' });
      }
      const prev = await deps.state.getFetchState(item.url);
      // A page URL that answered with a document last time (download.jsp?id=…) gets a conditional GET too.
      const conditional =
        item.role === 'document' || (prev && !/html/i.test(prev.contentType ?? '')) ? conditionalFor(prev) : undefined;
      const res = await get(item.url, conditional, onRetry);
      if (item.role === 'document' || res.notModified || isDocumentResponse(res)) {
        record(withRetries(await handleFetchedDocument(res, prev, item.discovery.linkText, item.discovery, docCtx)));
        return;
      }
      const decoded = decodeHtml(res.bytes, res.contentType);
      const facts = discoverPage(decoded.text, res.url, cfg.maxListingPages);
      record(withRetries({ url: item.url, kind: 'page', outcome: 'fetched' }));
      const isArticle = enqueueLinks(item, facts);
      if (isArticle && facts.hasDataTable) {
        const discovery = {
          ...item.discovery,
          articleUrl: res.url,
          ...(facts.title ? { articleTitle: facts.title } : {}),
          ...(facts.publishedAt ? { publishedAt: facts.publishedAt } : {}),
        };
        record(await handleFetchedDocument(res, prev, facts.title, discovery, docCtx));
      }
    } catch (err) {
      const reason = errorCode(err);
      const message = err instanceof Error ? err.message : String(err);
      const outcome = reason === 'robots.disallowed' ? 'skipped' : 'failed';
      record(withRetries({ url: item.url, kind, outcome, reason, message }));
    }
  };

  await runPool(frontier, cfg.politeness.concurrency, visit);
  return report.finish();
}

/** A link that looked like a page but answered with a document (download.jsp?id=…), by Content-Type or bytes. */
function isDocumentResponse(res: FetchResult): boolean {
  if (/html|xml|text\/plain/i.test(res.contentType ?? '')) return false;
  if (isAttachmentContentType(res.contentType)) return true;
  const format = sniff(res.bytes.subarray(0, 1 << 20));
  return format !== 'html' && format !== 'unknown';
}

/**
 * Provenance for what a page links to: from a listing, the listing URL, link text and the date
 * printed beside it; from an article, also the article's URL, title and 发布时间.
 */
function childDiscovery(item: CrawlItem, facts: PageFacts, link: FoundLink, isArticle: boolean): Discovery {
  if (!isArticle)
    return { listingUrl: item.url, linkText: link.text, ...(link.date ? { publishedAt: link.date } : {}) };
  const publishedAt = facts.publishedAt ?? item.discovery.publishedAt;
  return {
    ...(item.discovery.listingUrl ? { listingUrl: item.discovery.listingUrl } : {}),
    articleUrl: item.url,
    ...(facts.title
      ? { articleTitle: facts.title }
      : item.discovery.linkText
        ? { articleTitle: item.discovery.linkText }
        : {}),
    linkText: link.text,
    ...(publishedAt ? { publishedAt } : {}),
  };
}

/** Runs `visit` over the frontier with at most `concurrency` in flight; ends when both are empty. */
async function runPool(
  frontier: Frontier,
  concurrency: number,
  visit: (item: CrawlItem) => Promise<void>,
): Promise<void> {
  const active = new Set<Promise<void>>();
  for (;;) {
    while (active.size < concurrency) {
      const item = frontier.next();
      if (!item) break;
      const p: Promise<void> = visit(item).finally(() => active.delete(p));
      active.add(p);
    }
    if (active.size === 0) return;
    await Promise.race(active);
  }
}
