/** 'queued': handed to a fetch worker (distributed crawl); its outcome is that job's result. */
export type ItemOutcome = 'fetched' | 'new' | 'changed' | 'unchanged' | 'failed' | 'skipped' | 'queued';

export interface ReportItem {
  url: string;
  /** A ZIP's members are items of kind 'member' under the archive's URL. */
  kind: 'page' | 'document' | 'member';
  outcome: ItemOutcome;
  /** Why it failed or was skipped: an error code ('robots.disallowed', 'http.404', 'http.timeout'). */
  reason?: string;
  message?: string;
  sha256?: string;
  fileName?: string;
  member?: string;
  records?: number;
  /** Transient failures that were retried before the final outcome. */
  retries?: number;
  /**
   * Extraction was queued for the stage workers and not awaited: `records` and a failed
   * extraction are known only once they finish (`budgetdoc crawl --redis-url --wait`).
   */
  pending?: boolean;
}

/** The crawl report (issue 6): printed as text, or as JSON with `--json`. */
export interface CrawlReport {
  site: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  pagesFetched: number;
  pagesSkippedByRobots: number;
  pagesFailed: number;
  documents: {
    new: number;
    changed: number;
    unchanged: number;
    failed: number;
    skippedByRobots: number;
    queued: number;
  };
  recordsByTableType: Record<string, number>;
  items: ReportItem[];
}

export class ReportBuilder {
  readonly items: ReportItem[] = [];
  readonly records: Record<string, number> = {};

  /** `started`: when the crawl began (a queued crawl is timed from when it was queued). */
  constructor(
    private readonly site: string,
    private readonly started = Date.now(),
  ) {}

  add(item: ReportItem): void {
    this.items.push(item);
  }

  addRecords(byType: Record<string, number>): number {
    let n = 0;
    for (const [type, count] of Object.entries(byType)) {
      this.records[type] = (this.records[type] ?? 0) + count;
      n += count;
    }
    return n;
  }

  finish(): CrawlReport {
    const count = (kind: ReportItem['kind'], outcome: ItemOutcome, reason?: string) =>
      this.items.filter(
        (i) => i.kind === kind && i.outcome === outcome && (reason === undefined || i.reason === reason),
      ).length;
    const now = Date.now();
    return {
      site: this.site,
      startedAt: new Date(this.started).toISOString(),
      finishedAt: new Date(now).toISOString(),
      durationMs: now - this.started,
      pagesFetched: count('page', 'fetched'),
      pagesSkippedByRobots: count('page', 'skipped', 'robots.disallowed'),
      pagesFailed: count('page', 'failed'),
      documents: {
        new: count('document', 'new'),
        changed: count('document', 'changed'),
        unchanged: count('document', 'unchanged'),
        failed: count('document', 'failed'),
        skippedByRobots: count('document', 'skipped', 'robots.disallowed'),
        queued: count('document', 'queued'),
      },
      recordsByTableType: Object.fromEntries(Object.entries(this.records).sort(([a], [b]) => a.localeCompare(b))),
      items: this.items,
    };
  }
}

/** Human-readable summary for the terminal. */
export function formatReport(r: CrawlReport): string {
  const d = r.documents;
  const records = Object.entries(r.recordsByTableType).map(([t, n]) => `  ${t}: ${n}`);
  const problems = r.items
    .filter((i) => i.outcome === 'failed' || i.outcome === 'skipped')
    .map((i) => `  ${i.outcome} ${i.url}${i.member ? ` [${i.member}]` : ''}: ${i.reason ?? ''}`);
  return [
    `crawl ${r.site}: ${(r.durationMs / 1000).toFixed(1)} s`,
    `pages fetched ${r.pagesFetched}, skipped by robots.txt ${r.pagesSkippedByRobots}, failed ${r.pagesFailed}`,
    `documents new ${d.new}, changed ${d.changed}, unchanged ${d.unchanged}, failed ${d.failed}, skipped by robots.txt ${d.skippedByRobots}${d.queued ? `, queued for fetch workers ${d.queued}` : ''}`,
    `records stored by table type:${records.length ? '' : ' none'}`,
    ...records,
    ...(problems.length ? ['skipped or failed:', ...problems] : []),
  ].join('\n');
}
